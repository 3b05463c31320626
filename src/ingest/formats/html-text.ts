import { parseHTML } from 'linkedom';
import { normalizeWidth } from '../../text/normalize-width.js';

/** Page furniture, never document text. */
const DROP = 'script,style,noscript,template,svg,iframe,form,button,select,nav,aside,header,footer,[role=navigation],[role=banner],[role=contentinfo],[role=search],[hidden]';
/** Class or id of navigation blocks on government sites (栏目导航, 面包屑, 分享, 相关链接). */
const FURNITURE = /(^|[\s_-])(nav|navbar|menu|breadcrumbs?|crumbs?|sidebar|share|related|links|footer|site-header|topbar|toolbar|position|location)($|[\s_-])/i;
const BLOCK = new Set('address article blockquote br dd div dl dt h1 h2 h3 h4 h5 h6 hr li main ol p pre section table tbody thead tfoot tr ul caption figcaption'.split(' '));
/** Labels of the metadata block of a government page: 发布日期：2023-03-08 来源：… 文号：… */
const META_LABEL = /(发布日期|发布时间|成文日期|印发日期|来源|发文机关|发布机构|文号|发文字号|索引号|主题分类|主题词|浏览次数|访问量|字号|打印本页|关闭窗口)\s*[:：]?/g;
const DOC_NUMBER = /^([\u4e00-\u9fff]{1,8})\s*[〔[［【(（]\s*(\d{4})\s*[〕\]］】)）]\s*(\d{1,4})\s*号$/;

/** What a page says about the document outside its body text. */
export interface PageMetadata {
  docNumber?: string;
  /** 成文日期, else 发布日期, as `YYYY年M月D日`. */
  date?: string;
  /** 发文机关, 发布机构 or 来源, when it names an issuing body. */
  issuer?: string;
}

const META_DATE = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;
const ISSUER = /(委员会|办公厅|办公室|人民政府|局|中心)$/;
const DATE_LINE = /^\d{4}年\d{1,2}月\d{1,2}日$/;
const TITLE_IN_NOTICE = /[《«]([^》»]{4,80})[》»]印发/;

export interface HtmlText {
  /** The article body as layout lines: one block element a line. */
  text: string;
  meta: PageMetadata;
}

/**
 * The article body of a web page (a government site's notice page, or a Word document mammoth
 * turned into HTML) as plain lines for the cleaner and chunker: navigation, page header and
 * footer, scripts and share bars dropped; one block element a line; the page's metadata block
 * (发布日期, 来源, 文号) taken out of the text, and its 文号 put first when the body has none. When
 * the notice carries no signature date, the page's 成文日期 (else 发布日期) and issuing body are
 * put where the signature stands, just above the document's own title.
 */
export function htmlText(html: string): HtmlText {
  const { document } = parseHTML(html.includes('<html') ? html : `<!doctype html><html><body>${html}</body></html>`);
  for (const el of [...document.querySelectorAll(DROP)]) el.remove();
  for (const el of [...document.querySelectorAll('[class],[id]')]) {
    if (FURNITURE.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`)) el.remove();
  }
  const root = document.querySelector('article,main,[role=main]') ?? densestTextBlock(document.body) ?? document.body;
  const meta: PageMetadata = {};
  for (const line of blockLines(document.body)) readMeta(line, meta);

  const lines = dropRepeatedHeading(
    blockLines(root).filter((line) => !isMetaLine(line)),
    root,
  );
  const hasNumber = lines.slice(0, 40).some((line) => DOC_NUMBER.test(line.replace(/\s+/g, '')));
  if (!hasNumber && meta.docNumber) lines.unshift(meta.docNumber);
  if (meta.date && !lines.some((line) => DATE_LINE.test(squeeze(line)))) signFromMeta(lines, meta);
  return { text: lines.join('\n'), meta };
}

/** Inserts the page's issuer and date above the body title (the title named in 现将《…》印发), where a signature stands. */
function signFromMeta(lines: string[], meta: PageMetadata): void {
  const title = TITLE_IN_NOTICE.exec(lines.slice(0, 40).join(''))?.[1];
  const at = title ? lines.findIndex((line, i) => i > 0 && squeeze(line) === squeeze(title)) : -1;
  if (at < 0) return;
  const signer = meta.issuer && squeeze(lines[at - 1]!) !== squeeze(meta.issuer) ? [meta.issuer] : [];
  lines.splice(at, 0, ...signer, meta.date!);
}

const squeeze = (text: string) => normalizeWidth(text).replace(/[\s《》«»<>]+/g, '');

/** The page's heading (关于印发《…》的通知) when the notice below repeats it: the body keeps its own lines. */
function dropRepeatedHeading(lines: string[], root: Element): string[] {
  const heading = squeeze(root.querySelector('h1,h2')?.textContent ?? '');
  const at = lines.findIndex((line) => squeeze(line) === heading);
  if (heading === '' || at < 0 || at > 3) return lines;
  const after = squeeze(lines.slice(at + 1, at + 16).join(''));
  return after.includes(heading) ? lines.filter((_, i) => i !== at) : lines;
}

/** The element holding the most paragraph text, lifted to the parent that also holds its heading. */
function densestTextBlock(body: Element | null): Element | undefined {
  if (!body) return undefined;
  let best: Element | undefined;
  let bestScore = 0;
  for (const el of body.querySelectorAll('div,section,td')) {
    let score = 0;
    for (const child of el.children) if (child.tagName === 'P') score += (child.textContent ?? '').length;
    if (score > bestScore) [best, bestScore] = [el, score];
  }
  while (best?.parentElement && best.parentElement !== body && !best.querySelector('h1,h2') && best.parentElement.querySelector(':scope > h1, :scope > h2')) {
    best = best.parentElement;
  }
  return best;
}

/** Text of an element with a line break around each block element and at each <br>; numbered lists keep their numbers. */
function blockLines(root: Element | null): string[] {
  if (!root) return [];
  let out = '';
  const walk = (node: Node, pre: boolean) => {
    if (node.nodeType === 3) {
      out += pre ? (node.nodeValue ?? '') : (node.nodeValue ?? '').replace(/[ \t\r\n\f]+/g, ' ');
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toLowerCase();
    const block = BLOCK.has(tag);
    if (block) out += '\n';
    if (tag === 'li' && el.parentElement?.tagName === 'OL') {
      const n = [...el.parentElement.children].filter((c) => c.tagName === 'LI').indexOf(el) + Number(el.parentElement.getAttribute('start') ?? 1);
      if (!/^\s*\d{1,2}[.．、]/.test(el.textContent ?? '')) out += `${n}.`;
    }
    if (tag === 'td' || tag === 'th') out += ' ';
    for (const child of el.childNodes) walk(child, pre || tag === 'pre');
    if (block) out += '\n';
  };
  walk(root, false);
  return out
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** A line made only of metadata fields (发布日期：… 来源：…) or page tools (打印本页 关闭窗口). */
function isMetaLine(line: string): boolean {
  const starts = [...line.matchAll(META_LABEL)];
  return starts.length > 0 && starts[0]!.index === 0 && (starts.length > 1 || /[:：]/.test(line.slice(0, starts[0]![0].length + 1)) || /^(打印本页|关闭窗口)/.test(line));
}

function readMeta(line: string, meta: PageMetadata): void {
  if (!isMetaLine(line)) return;
  const starts = [...line.matchAll(META_LABEL)];
  starts.forEach((m, i) => {
    const value = line.slice(m.index! + m[0].length, starts[i + 1]?.index ?? line.length).trim();
    const number = DOC_NUMBER.exec(value.replace(/\s+/g, ''));
    if ((m[1] === '文号' || m[1] === '发文字号') && number) meta.docNumber ??= `${number[1]}〔${number[2]}〕${number[3]}号`;
    const date = META_DATE.exec(normalizeWidth(value));
    // 成文日期 is the date of issue the notice is signed with; 发布日期 (publication) only when it is absent.
    if (date && /日期|时间/.test(m[1]!) && (m[1] === '成文日期' || !meta.date)) meta.date = `${date[1]}年${Number(date[2])}月${Number(date[3])}日`;
    if (/发文机关|发布机构|来源/.test(m[1]!) && ISSUER.test(value)) meta.issuer ??= value;
  });
}
