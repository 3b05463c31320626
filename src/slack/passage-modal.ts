import type { types } from '@slack/bolt';
import { chineseDate } from '../answer/compose-text.js';
import type { Passage } from '../core/types.js';
import type { Corpus } from '../core/corpus.js';
import { fitText, splitText } from './fit-text.js';

/** Slack's modal limits: 100 blocks, 24-character title, 150-character header, 3,000 per text. */
export const MODAL_LIMITS = { blocks: 100, title: 24, header: 150, text: 3000 } as const;

/**
 * The modal behind "查看全文": the cited passage in full, with its document, 文号, label and
 * date, between the points before and after it so it can be read in context. A passage that
 * is no longer in the corpus (re-ingested since the answer) gets a modal that says so.
 */
export function passageModal(corpus: Corpus, passageId: string): types.ModalView {
  const passage = corpus.passage(passageId);
  if (!passage) {
    return modal([section(`这条条文（${passageId}）已不在当前文件库中，可能是文件重新导入后编号变了。请重新提问。`)]);
  }
  const doc = corpus.document(passage.docId);
  const { before, after } = corpus.neighbours(passageId);
  const blocks: types.KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: fitText(`《${doc.title}》`, MODAL_LIMITS.header).text } },
    context(`${doc.docNumber} · ${doc.issuer} · ${chineseDate(doc.date)} · ${passage.label}`),
  ];
  if (before[0]) blocks.push(...neighbour('上一条', before[0]));
  blocks.push({ type: 'divider' });
  for (const chunk of splitText(passage.text, MODAL_LIMITS.text)) blocks.push(section(chunk));
  blocks.push({ type: 'divider' });
  if (after[0]) blocks.push(...neighbour('下一条', after[0]));
  return modal(blocks.slice(0, MODAL_LIMITS.blocks));
}

function neighbour(where: string, p: Passage): types.KnownBlock[] {
  return [context(`${where}：${p.label}`), context(fitText(p.text.replace(/\s*\n\s*/g, ' '), 300).text)];
}

function modal(blocks: types.KnownBlock[]): types.ModalView {
  return {
    type: 'modal',
    callback_id: 'passage_modal',
    title: { type: 'plain_text', text: '条文全文' },
    close: { type: 'plain_text', text: '关闭' },
    blocks,
  };
}

// Plain text: a passage is shown as printed, with no mrkdwn to escape or misread.
function section(text: string): types.SectionBlock {
  return { type: 'section', text: { type: 'plain_text', text } };
}

function context(text: string): types.ContextBlock {
  return { type: 'context', elements: [{ type: 'plain_text', text }] };
}
