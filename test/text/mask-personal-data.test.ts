import { describe, expect, it } from 'vitest';
import { maskPersonalData } from '../../src/text/mask-personal-data.js';

describe('maskPersonalData', () => {
  it.each([
    ['患者电话13812345678能报销吗', '患者电话[电话]能报销吗'],
    ['打 +86 138-1234-5678 找谁', '打 [电话] 找谁'],
    ['手机 139 1234 5678', '手机 [电话]'],
    ['科室座机021-62345678', '科室座机[电话]'],
    ['(021) 6234 5678 是热线吗', '[电话] 是热线吗'],
    ['热线：62345678', '热线：[电话]'],
    ['身份证310101199003071234的人', '身份证[身份证号]的人'],
    ['身份证号31010119900307123X', '身份证号[身份证号]'],
    ['老身份证310101900307123', '老身份证[身份证号]'],
    ['发邮件到 zhang.san@example.com.cn 可以吗', '发邮件到 [邮箱] 可以吗'],
  ])('masks %s', (input, expected) => {
    expect(maskPersonalData(input)).toBe(expected);
  });

  it.each([
    ['区域性医疗中心按多少人口配置一家？'],
    ['2025年床位数达到12000张'],
    ['沪卫规〔2023〕9号第二十条'],
    ['每千人口3.5名执业医师'],
    ['30-50万人口配置一家'],
    // A count that happens to be long is not a phone number without a 电话-like word before it.
    ['全市12345678人次门诊'],
  ])('leaves policy text alone: %s', (input) => {
    expect(maskPersonalData(input)).toBe(input);
  });

  it('masks every occurrence, of every kind, in one question', () => {
    expect(maskPersonalData('a@b.cn 或 13812345678 或 13987654321')).toBe('[邮箱] 或 [电话] 或 [电话]');
  });
});
