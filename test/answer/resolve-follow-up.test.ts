import { describe, expect, test } from 'vitest';
import { onlyRefersBack, resolveFollowUp } from '../../src/answer/resolve-follow-up.js';
import type { Turn } from '../../src/answer/types.js';

const after = (question: string): Turn[] => [{ question, answer: '…', citations: [{ id: 'doc#1.2' }, { id: 'doc#1.3' }] }];

describe('resolveFollowUp: a follow-up refers back; a short question is not one', () => {
  test.each([
    ['互联网医院', '区域性医疗中心按多少人口配置一家？'],
    ['DRG付费？', '北京市的医保政策是什么？'],
    ['控烟', '2023年普陀区胸痛中心怎么建？'],
    ['发热门诊要24小时开吗', '长宁区的家庭医生签约率要到多少？'],
    ['How many IDC hospitals will be selected?', '区域性医疗中心按多少人口配置一家？'],
    ['What about Putuo?', '区域性医疗中心按多少人口配置一家？'],
  ])('%s after %s is a new question (inherits no topic, place or year)', (question, previous) => {
    expect(resolveFollowUp(question, after(previous))).toEqual({ kind: 'none' });
  });

  test.each([
    ['那普陀区呢？', '长宁区的家庭医生签约率要到多少？'],
    ['这个什么时候实施？', '区域性医疗中心按多少人口配置一家？'],
    ['它的有效期到哪年？', '公立医院高质量发展方案有哪些目标？'],
    ['上面说的考核怎么搞', '公立医院绩效考核考哪一年？'],
    ['互联网医院呢？', '区域性医疗中心按多少人口配置一家？'],
  ])('%s after %s is rewritten with the earlier topic', (question, previous) => {
    const r = resolveFollowUp(question, after(previous));
    expect(r.kind).toBe('rewrite');
    expect(r.kind === 'rewrite' && r.question).toContain(previous.replace(/长宁区|普陀区|\d{4}年/g, '').slice(0, 4));
  });

  test('a new place replaces the earlier place in the rewritten question', () => {
    const r = resolveFollowUp('那普陀区呢？', after('长宁区的家庭医生签约率要到多少？'));
    expect(r.kind === 'rewrite' && r.question).not.toContain('长宁');
  });

  test('ordinals and "which document" still refer to the previous answer', () => {
    expect(resolveFollowUp('第二点具体说啥？', after('区域性医疗中心有哪些要求？'))).toMatchObject({ kind: 'ordinal', n: 2 });
    expect(resolveFollowUp('这条是哪个文件里的？', after('区域性医疗中心有哪些要求？'))).toMatchObject({ kind: 'source', passageId: 'doc#1.2' });
  });

  test('no history, no follow-up', () => expect(resolveFollowUp('那普陀区呢？', [])).toEqual({ kind: 'none' }));
});

describe('onlyRefersBack', () => {
  test.each([['第四项是什么？'], ['第二点呢'], ['这个呢？'], ['这条呢？']])('%s points back and names no topic', (q) => expect(onlyRefersBack(q)).toBe(true));
  test.each([
    ['沪卫医〔2023〕32号第5条讲了什么？'],
    ['《2023年长宁区医疗工作计划》第三条是什么'],
    ['第二部分第8条讲了区域性医疗中心什么？'],
    ['这个发热门诊要24小时开吗'],
    ['区域性医疗中心按多少人口配置一家？'],
    ['互联网医院'],
  ])('%s has a topic of its own', (q) => expect(onlyRefersBack(q)).toBe(false));
});
