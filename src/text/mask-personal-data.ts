/**
 * What is masked in a question before it is stored: ways to reach or identify a person that
 * staff type into a question ("患者电话13812345678能报销吗"). Order matters: 身份证 numbers (18
 * or 15 digits) are masked before phone numbers, whose digits they would otherwise contain.
 */
const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '[邮箱]'],
  [/(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g, '[身份证号]'],
  [/(?<![0-9A-Za-z])[1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?!\d)/g, '[身份证号]'],
  // Mobile numbers, with or without +86 and spaces or hyphens between the groups of 3-4-4.
  [/(?:\+?86[\s-]?)?(?<!\d)1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g, '[电话]'],
  // Landlines with an area code (021-12345678, (021) 1234 5678) and 8-digit Shanghai numbers after 电话/手机/热线.
  [/(?<!\d)(?:\(0\d{2,3}\)\s?|0\d{2,3}[\s-])\d{3,4}[\s-]?\d{4}(?!\d)/g, '[电话]'],
  [/((?:电话|手机|热线|联系方式|座机|tel|Tel|TEL)[:：\s]*)\d{3,4}[\s-]?\d{4}(?!\d)/g, '$1[电话]'],
];

/** The text with phone numbers, 身份证 numbers and e-mail addresses replaced by a placeholder. */
export function maskPersonalData(text: string): string {
  let masked = text;
  for (const [pattern, placeholder] of PATTERNS) masked = masked.replace(pattern, placeholder);
  return masked;
}
