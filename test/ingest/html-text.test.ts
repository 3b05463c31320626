import { describe, expect, test } from 'vitest';
import { htmlText } from '../../src/ingest/formats/html-text.js';
import { parseDocument } from '../../src/ingest/parse-document.js';

/** A notice page as a government site serves it: menus, breadcrumb, metadata line, article, share bar, footer, scripts. */
const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>关于印发《2024年示例区社区诊疗工作计划》的通知_示例区卫生健康委员会</title>
<style>.x{color:red}</style><script>var nav = "首页";</script></head>
<body>
<div class="top-header"><a href="/">示例区人民政府</a></div>
<div id="nav"><ul><li><a>首页</a></li><li><a>政务公开</a></li><li><a>1.办事服务</a></li></ul></div>
<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 通知公告</div>
<div class="article">
  <h1>关于印发《2024年示例区社区诊疗工作计划》的通知</h1>
  <div class="info">发布日期：2024-03-15　来源：示例区卫生健康委员会　文号：示卫健发[2024]7号　浏览次数：1024</div>
  <div class="TRS_Editor">
    <p>区内各社区卫生服务中心：</p>
    <p>&nbsp;&nbsp;现将《2024年示例区社区诊疗工作计划》印发给你们，<br>请认真贯彻落实。</p>
    <p style="text-align:right">上海市示例区卫生健康委员会</p>
    <p style="text-align:right">2024年3月15日</p>
    <p style="text-align:center"><strong>2024年示例区社区诊疗工作计划</strong></p>
    <p>一、扩大社区服务供给</p>
    <p>1.延长夜间门诊时间。工作日夜间门诊延长至晚上<span>八点</span>。</p>
    <p>2.推广家庭病床服务。全年新建家庭病床三百张。</p>
    <table><tr><td>指标</td><td>目标值</td></tr><tr><td>家庭病床</td><td>300张</td></tr></table>
  </div>
  <div class="share">分享到：微信 微博</div>
</div>
<div class="related-links"><h3>相关链接</h3><ul><li><a>2.关于做好夏季防暑降温工作的通知</a></li></ul></div>
<footer>主办：示例区人民政府办公室　沪ICP备00000000号</footer>
<script>document.write("2.统计代码")</script>
</body></html>`;

describe('htmlText: the article body of a government page', () => {
  const { text, meta } = htmlText(PAGE);

  test('navigation, breadcrumb, share bar, related links, footer and scripts are dropped', () => {
    for (const junk of ['首页', '当前位置', '分享到', '相关链接', '沪ICP备', '统计代码', 'color:red', '浏览次数']) expect(text).not.toContain(junk);
  });

  test('the 文号 of the metadata line, normalised to 〔〕, comes first when the body has none', () => {
    expect(meta.docNumber).toBe('示卫健发〔2024〕7号');
    expect(text.split('\n')[0]).toBe('示卫健发〔2024〕7号');
  });

  test('one block a line; inline markup joins; <br> breaks', () => {
    const lines = text.split('\n');
    expect(lines).toContain('1.延长夜间门诊时间。工作日夜间门诊延长至晚上八点。');
    expect(lines).toContain('请认真贯彻落实。');
    expect(lines).toContain('家庭病床 300张');
  });

  test('the page feeds the same parser as a .txt: metadata and numbered points', () => {
    const { document, passages } = parseDocument('notice.html', text);
    expect(document).toMatchObject({ docNumber: '示卫健发〔2024〕7号', title: '2024年示例区社区诊疗工作计划', issuer: '上海市示例区卫生健康委员会', date: '2024-03-15' });
    expect(passages.filter((p) => p.kind === 'point').map((p) => p.label)).toEqual(['第一部分第1条', '第一部分第2条']);
  });

  test('a 文号 in the body is not duplicated from the metadata line', () => {
    const withNumber = htmlText(PAGE.replace('<p>区内各社区卫生服务中心：</p>', '<p>示卫健发〔2024〕7号</p><p>区内各社区卫生服务中心：</p>'));
    expect(withNumber.text.split('\n').filter((l) => l === '示卫健发〔2024〕7号')).toHaveLength(1);
  });

  test('without <article> or a content class, the block with the most paragraph text is the body', () => {
    const bare = `<body><div><a>首页</a> <a>新闻</a></div><div><div><p>甲〔2024〕1号</p><p>现将《某某工作计划要点》印发给你们。</p><p>正文第一段很长很长很长很长。</p></div></div><div><p>友情链接</p></div></body>`;
    const lines = htmlText(bare).text.split('\n');
    expect(lines).toEqual(['甲〔2024〕1号', '现将《某某工作计划要点》印发给你们。', '正文第一段很长很长很长很长。']);
  });

  test('Word numbering that mammoth turns into <ol> keeps its numbers', () => {
    expect(htmlText('<p>一、总则</p><ol><li>第一条内容。</li><li>第二条内容。</li></ol><ol start="3"><li>3.已有编号。</li></ol>').text).toBe('一、总则\n1.第一条内容。\n2.第二条内容。\n3.已有编号。');
  });

  test('a notice page without a signature date takes the 成文日期 (over 发布日期) and issuing body of the page', () => {
    const unsigned = PAGE.replace('<p style="text-align:right">上海市示例区卫生健康委员会</p>', '')
      .replace('<p style="text-align:right">2024年3月15日</p>', '')
      .replace('<div class="info">发布日期：2024-03-15', '<div class="info">成文日期：2024年3月12日</div><div class="info">发布日期：2024-03-15');
    const { text, meta } = htmlText(unsigned);
    expect(meta).toMatchObject({ date: '2024年3月12日', issuer: '示例区卫生健康委员会', docNumber: '示卫健发〔2024〕7号' });
    const { document } = parseDocument('notice.html', text);
    expect(document).toMatchObject({ docNumber: '示卫健发〔2024〕7号', title: '2024年示例区社区诊疗工作计划', issuer: '示例区卫生健康委员会', date: '2024-03-12' });
  });

  test('a signed notice keeps its own date; the dates of the page add no lines', () => {
    expect(
      htmlText(PAGE)
        .text.split('\n')
        .filter((l) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(l)),
    ).toEqual(['2024年3月15日']);
  });
});
