import { AlignmentType, Document, Footer, Header, LevelFormat, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import iconv from 'iconv-lite';
import PDFDocument from 'pdfkit';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { isPageNumber } from '../../../src/ingest/clean-lines.js';

/**
 * Renders a plain-text policy document the ways a policy officer receives it: a Chromium-printed
 * PDF, a Word file (docx), a government web page, and GB18030 bytes. Fixtures made by real
 * writers, so the readers are tested against what those writers produce.
 */

/** The non-empty layout lines of a .txt document. */
export const layoutLines = (raw: string) =>
  raw
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

/**
 * Layout lines joined back into paragraphs the way a word processor holds them: a line as wide
 * as the page's full lines that does not end a sentence runs on into the next one.
 */
export function paragraphs(layout: readonly string[]): string[] {
  // The page numbers of the PDF the .txt came from are not part of the document.
  const lines = layout.filter((l) => !isPageNumber(l));
  const widths = lines.map((l) => l.length).sort((a, b) => a - b);
  const full = widths[Math.floor(widths.length * 0.75)]! - 1;
  const out: string[] = [];
  let current = '';
  for (const line of lines) {
    current += line;
    if (line.length < full || /[。：；！？.:;!?]$/.test(line)) {
      out.push(current);
      current = '';
    }
  }
  if (current) out.push(current);
  return out;
}

/** The notice's own title (关于印发…的通知), which a government page shows as its heading. */
export function noticeTitle(lines: readonly string[]): string {
  const start = lines.findIndex((l) => /印发/.test(l) && !/现将/.test(l));
  if (start < 0) return lines[0]!;
  const end = lines.findIndex((l, i) => i >= start && /通知$/.test(l));
  return lines.slice(start, end < 0 ? start + 1 : end + 1).join('');
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A government notice page: site header, menu, breadcrumb, metadata line, the article, share bar, related links, footer. */
export function governmentPage(paras: readonly string[], meta: { pageTitle: string; date: string; source: string; docNumber?: string }): string {
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(meta.pageTitle)}</title>
<script>window.dataLayer = ['1.统计'];</script><style>body{font-family:"Source Han Sans SC",sans-serif}</style></head><body>
<header class="site-header"><a href="/">上海市卫生健康委员会</a><form><input name="q"><button>搜索</button></form></header>
<nav><ul><li><a href="/">首页</a></li><li><a>政务公开</a></li><li><a>1.政策文件</a></li><li><a>2.解读</a></li></ul></nav>
<div class="crumbs">当前位置：首页 &gt; 政务公开 &gt; 政策文件</div>
<div class="main-content"><div class="article">
<h2 class="article-title">${escapeHtml(meta.pageTitle)}</h2>
<div class="article-info">发布日期：${meta.date}　来源：${escapeHtml(meta.source)}${meta.docNumber ? `　文号：${escapeHtml(meta.docNumber)}` : ''}　浏览次数：386</div>
<div class="article-content" id="ivs_content">
${paras.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</div>
<div class="share-bar">分享到：微信 微博 <a href="javascript:window.print()">打印本页</a></div>
</div>
<aside><h3>相关文件</h3><ul><li><a>3.关于做好2024年医疗服务的通知</a></li></ul></aside></div>
<footer>版权所有：上海市卫生健康委员会　地址：世博村路300号</footer></body></html>`;
}

/** A Word document: one paragraph each, a running header with the issuer and a footer with the page number. */
export async function docxFile(paras: readonly string[], header: string): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun(header)] })] }) },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })] })] }) },
        children: paras.map((p) => new Paragraph({ children: [new TextRun({ text: p, font: { eastAsia: '仿宋_GB2312' } })] })),
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** A Word document whose points are an automatically numbered list (Word's 1. 2. 3. numbering, not typed digits). */
export async function numberedDocxFile(lead: readonly string[], points: readonly string[]): Promise<Buffer> {
  const doc = new Document({
    numbering: { config: [{ reference: 'points', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }] },
    sections: [
      {
        children: [
          ...lead.map((p) => new Paragraph({ children: [new TextRun(p)] })),
          ...points.map((p) => new Paragraph({ numbering: { reference: 'points', level: 0 }, children: [new TextRun(p)] })),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** Prints one layout line a paragraph with Chromium, with a running header (issuer) and footer (— N —) on every page. */
export async function chromiumPdf(browser: Browser, lines: readonly string[], header: string): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    const body = lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n');
    await page.setContent(`<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>
      body { font-family: "Source Han Sans SC", sans-serif; font-size: 15px; line-height: 1.6; } p { margin: 0 0 4px; }
    </style></head><body>${body}</body></html>`);
    const templateStyle = 'font-family:"Source Han Sans SC",sans-serif;font-size:10px;width:100%;text-align:center';
    return await page.pdf({
      format: 'A4',
      margin: { top: '28mm', bottom: '25mm', left: '26mm', right: '26mm' },
      displayHeaderFooter: true,
      headerTemplate: `<div style='${templateStyle}'>${escapeHtml(header)}</div>`,
      footerTemplate: `<div style='${templateStyle}'>— <span class="pageNumber"></span> —</div>`,
    });
  } finally {
    await page.close();
  }
}

const require = createRequire(import.meta.url);
/** Source Han Sans SC from npm (the browser tests' font too), so pdfkit can write Chinese without a system font. */
const CJK_FONT = require.resolve('node-source-han-sans-sc/SourceHanSansSC-Regular.otf');

/** A PDF written by pdfkit: one layout line a paragraph, a running header and `- N -` page numbers. */
export async function pdfkitPdf(lines: readonly string[], header: string, options: { fontSize?: number } = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 72, bottom: 72, left: 72, right: 72 }, bufferPages: true });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => doc.on('end', resolve));
  doc.registerFont('cjk', CJK_FONT);
  doc.font('cjk').fontSize(options.fontSize ?? 12);
  for (const line of lines) doc.text(line);
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(i);
    doc.fontSize(9).text(header, 72, 36, { lineBreak: false });
    doc.text(`- ${i + 1} -`, 280, 790, { lineBreak: false });
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/**
 * A PDF whose Chinese font is not embedded: Adobe's STSong-Light through the predefined CMap
 * UniGB-UCS2-H, as Acrobat and Distiller wrote Chinese notices. Written object by object, because
 * the writers above always embed their fonts; a reader needs pdf.js's CMap files to read it.
 */
export function unembeddedFontPdf(lines: readonly string[]): Uint8Array {
  const ucs2 = (s: string) => [...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
  const content = lines.map((l, i) => `BT /F1 14 Tf 72 ${760 - i * 24} Td <${ucs2(l)}> Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(pdf));
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf);
  const entries = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

/** The text as GB18030 bytes, as Windows editors in Simplified Chinese save it. */
export const gb18030 = (text: string): Buffer => iconv.encode(text, 'gb18030');
