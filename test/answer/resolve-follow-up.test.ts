import { describe, expect, test } from 'vitest';
import { hospitalNamed, onlyRefersBack, resolveFollowUp } from '../../src/answer/resolve-follow-up.js';
import type { Turn } from '../../src/answer/types.js';

const after = (question: string): Turn[] => [{ question, answer: '…', citations: [{ id: 'doc#1.2' }, { id: 'doc#1.3' }] }];

describe('resolveFollowUp: a follow-up refers back; a short question is not one', () => {
  test.each([
    ['互联网医院', '区域性医疗中心按多少人口配置一家？'],
    ['DRG付费？', '北京市的医保政策是什么？'],
    ['控烟', '2023年普陀区胸痛中心怎么建？'],
    ['发热门诊要24小时开吗', '长宁区的家庭医生签约率要到多少？'],
    ['How many IDC hospitals will be selected?', '区域性医疗中心按多少人口配置一家？'],
    ['医院里面能不能抽烟', '长宁区的家庭医生签约率要到多少？'], // 里面 inside a question, not opening it
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
    ['里面提到要试点的那个服务叫啥？', '普陀要点里护理方面说了啥'], // 里面: inside the previous answer
    ['这里面谁牵头？', '长宁要建区域中医医联体吗'],
  ])('%s after %s is rewritten with the earlier topic', (question, previous) => {
    const r = resolveFollowUp(question, after(previous));
    expect(r.kind).toBe('rewrite');
    expect(r.kind === 'rewrite' && r.question).toContain(previous.replace(/长宁区|普陀区|\d{4}年/g, '').slice(0, 4));
  });

  test.each([
    ['谁牵头', '长宁要建区域中医医联体吗'],
    ['是第几批了', '今年示范性社区康复中心要建多少家'],
    ['大概几家', '市里今年要新遴选IDC医院挂牌吗'],
    ['第几批', '长宁今年援滇医疗队派出去吗'],
    ['要多久？', '发热门诊建设有什么要求'],
    ['要培养多少名', '长宁要培养医联体的基层中医药人才吗'], // its words are the earlier question's
    ['具体是哪些医院？', '新遴选挂牌的IDC医院大约有多少家？'], // the asking word that opens it is not counted
    ['具体有哪几个社区', '长宁要创中医示范站的社区有几个'],
  ])('%s after %s names nothing of its own: read with the earlier topic', (question, previous) => {
    expect(resolveFollowUp(question, after(previous))).toMatchObject({ kind: 'rewrite', question: `${question} ${previous}` });
  });

  test('words from what the previous answer quoted, verbs of doing and another place name nothing of their own', () => {
    const answered: Turn[] = [{ question: '长宁今年中医医联体有啥打算', answer: '以天山中医医院为中心，牵头建立区域中医医联体[1]。', citations: [{ id: 'doc#2.2' }] }];
    // 医院 is the answer's; 牵头搞 asks who leads (8 characters)
    expect(resolveFollowUp('是哪家医院牵头搞', answered)).toMatchObject({ kind: 'rewrite', question: '是哪家医院牵头搞 长宁今年中医医联体有啥打算' });
    // 时候 split from 啥, 弄完 a verb of doing
    expect(resolveFollowUp('啥时候弄完', after('区域性医疗中心还要再补几个点'))).toMatchObject({ kind: 'rewrite' });
    expect(resolveFollowUp('啥时候弄完', after('区域性医疗中心还要再补几个点'))).not.toHaveProperty('own');
    // another place only: asked of it, the earlier place dropped
    const r = resolveFollowUp('普陀也搞吗', after('长宁今年护士搞不搞上门的互联网+护理'));
    expect(r.kind === 'rewrite' && r.question).toContain('互联网+护理');
    expect(r.kind === 'rewrite' && r.question).not.toContain('长宁');
    // must not: a word of its own the conversation never used is a new question
    expect(resolveFollowUp('胸痛中心咋搞', answered)).toEqual({ kind: 'none' });
    expect(resolveFollowUp('普陀的胸痛中心咋搞', answered)).toEqual({ kind: 'none' });
  });

  test.each([
    ['建成以后主要发挥什么作用？', '上海要创建多少家国家医学中心'], // 12 characters: 建成, 以后, 发挥, 作用 ask what becomes of it
    ['最后要达到啥标准', '大医院对口帮扶的受援医院今年重点干啥'],
    ['主要鼓励朝哪些方向发展？', '市里对新片区的社会办医有什么部署'],
    ['鼓励往啥方向搞', '市里对新片区的社会办医有什么部署'],
    ['分别依托哪些单位设立？', '上海要成立几家职业病危害工程防护指导中心'],
    ['由哪家来牵头弄', '长宁是不是要搞区域中医医联体'], // 哪家 and 来 before the verb name nothing (the segmenter reads 家来)
  ])('%s after %s: words that ask what becomes of the subject name none, read with the earlier topic', (question, previous) => {
    const r = resolveFollowUp(question, after(previous));
    expect(r).toMatchObject({ kind: 'rewrite', question: `${question} ${previous}` });
    // Its words are no topic of their own to search alone.
    expect(r).not.toHaveProperty('own');
  });

  test.each([
    ['护理有啥要求'], // 护理: a subject
    ['互联网医院建成以后发挥什么作用'], // 互联网医院: a subject, the rest asks of it
    ['另外，建成以后发挥什么作用'], // opened as a new question
    ['胸痛中心最后要达到啥标准'],
    ['建成以后主要发挥什么作用，对周边的社区医院有什么带动'], // longer than a turn that only asks of the subject
  ])('must not: %s names a subject of its own, or opens a new question', (question) => {
    expect(resolveFollowUp(question, after('上海要创建多少家国家医学中心'))).toEqual({ kind: 'none' });
  });

  test.each([
    ['这样做是出于什么考虑？', '普陀对医疗机构探视服务有什么要求'],
    ['是都得这样还是就哪几类', '医院重症床位得占到总床位多少啊'],
    ['这么搞有啥好处', '普陀对医疗机构探视服务有什么要求'],
  ])('%s after %s: 这样, 这么做 stand for what was just said', (question, previous) => {
    expect(resolveFollowUp(question, after(previous)).kind).toBe('rewrite');
  });

  test.each([
    ['长宁区里的呢，哪几个社区在创', '23年市里要建几家示范性社区康复中心'],
    ['那普陀呢，有几家', '长宁今年要创几家示范站'],
  ])('%s after %s: a first clause closed by 呢 points back', (question, previous) => {
    expect(resolveFollowUp(question, after(previous)).kind).toBe('rewrite');
  });

  test.each([['为什么要建区域性医疗中心呢，有啥好处'], ['医联体是啥呢']])('must not: %s names a topic of its own in a clause too long to point back, or ends with 呢 alone as before', (question) => {
    const r = resolveFollowUp(question, after('长宁今年要创几家示范站'));
    expect(r.kind === 'none' || question.endsWith('呢')).toBe(true);
  });

  test.each([['好的'], ['谢谢'], ['明白了'], ['另外，谁牵头'], ['Who leads it?'], ['陪诊那块具体怎么做？'], ['具体是哪些社区卫生服务中心']])(
    '%s asks nothing of the conversation: not a follow-up',
    (question) => {
      expect(resolveFollowUp(question, after('长宁要建区域中医医联体吗'))).toEqual({ kind: 'none' });
    },
  );

  test('a follow-up naming a topic of its own carries it alone too, with the document of the previous answer', () => {
    expect(resolveFollowUp('那国家中医医学中心要建几家', after('上海要创建多少家国家医学中心'))).toEqual({
      kind: 'rewrite',
      question: '国家中医医学中心要建几家 上海要创建多少家国家医学中心',
      own: '国家中医医学中心要建几家',
      docId: 'doc',
      base: '上海要创建多少家国家医学中心',
    });
    // Pointing words and question words alone are not a topic of its own.
    expect(resolveFollowUp('那这个呢？', after('公立医院高质量发展方案讲了啥'))).not.toHaveProperty('own');
    expect(resolveFollowUp('谁牵头', after('长宁要建区域中医医联体吗'))).not.toHaveProperty('own');
  });

  test('a topic the segmenter splits into characters (急诊) is a topic of its own; an asking word (牵头) is not', () => {
    expect(resolveFollowUp('那急诊方面有什么要求呢？', after('医政医管工作要点对发热门诊是怎么要求的？'))).toMatchObject({ kind: 'rewrite', own: expect.stringContaining('急诊'), docId: 'doc' });
    expect(resolveFollowUp('谁牵头', after('长宁要建区域中医医联体吗'))).toMatchObject({ kind: 'rewrite' });
  });

  test('a new place replaces the earlier place in the rewritten question', () => {
    const r = resolveFollowUp('那普陀区呢？', after('长宁区的家庭医生签约率要到多少？'));
    expect(r.kind === 'rewrite' && r.question).not.toContain('长宁');
  });

  test('ordinals and "which document" still refer to the previous answer', () => {
    expect(resolveFollowUp('第二点具体说啥？', after('区域性医疗中心有哪些要求？'))).toMatchObject({ kind: 'ordinal', n: 2 });
    expect(resolveFollowUp('这条是哪个文件里的？', after('区域性医疗中心有哪些要求？'))).toMatchObject({ kind: 'source', passageId: 'doc#1.2' });
  });

  test.each([['这条是哪个部门发的？'], ['这是哪个部门印发的'], ['是哪个部门的文件？'], ['这个是哪个部门的？']])('"%s" asks who issued the passage', (q) =>
    expect(resolveFollowUp(q, after('区域性医疗中心有哪些要求？'))).toMatchObject({ kind: 'source', passageId: 'doc#1.2' }),
  );

  test.each([['它由哪个部门负责组建？'], ['这项编制工作要会同哪个部门完成？'], ['那这事归哪个部门管']])('"%s" asks a body that does the work, not the source', (q) =>
    expect(resolveFollowUp(q, after('方案里的公共卫生医疗急救预备役体系是做什么的？'))).toMatchObject({ kind: 'rewrite' }),
  );

  test('no history, no follow-up', () => expect(resolveFollowUp('那普陀区呢？', [])).toEqual({ kind: 'none' }));
});

describe('resolveFollowUp: 这事, 这块, 这方面 stand for the subject, or mark a noun as the topic', () => {
  test.each([
    ['这事在2021年那个公立医院高质量发展方案里是怎么说的？'],
    ['长宁的计划里这事具体要做啥？'],
    ['医政医管要点对这块又是怎么要求的？'],
    ['普陀在这方面有啥安排'],
    ['对了，普陀的要点里这件事怎么说'],
    ['市卫健委2023年工作要点对这个又是如何部署的？'], // 这个 standing alone
    ['在这一方面，还提出了哪些其他目标？'], // 这一方面, 这个方面 as 这方面
    ['普陀在这个方面有啥安排'],
    ['对那块又是咋要求的'], // 那块 as 这块
    ['那一块具体怎么做'],
    ['MDT那块咋弄'], // after a Latin term, as after a governing word
    // 这个 before a noun that names no subject of its own, only what was said of one
    ['哪些医院需要达到这个比例？'],
    ['这个目标哪年要完成'],
    ['这一要求适用于哪些医院'],
    ['长宁拿这个版本打算做成什么样？'],
    // 还要, 还得, 还需要 opening the question: what else the same subject needs
    ['还要建个啥馆来着'],
    ['还得配多少人'],
    ['还需要哪些部门参与'],
    // 这 with a count: the ones just counted
    ['这五个中心分别指哪几个？'],
    ['长宁说的这两家具体是哪两家'],
    // 相关, 有关 with no noun of their own before them: related to what was just asked
    ['那2023年市医政医管工作要点里开展的相关主题活动叫什么呢？'],
    ['普陀的要点里有关要求是啥'],
  ])('%s points back: read with the earlier topic', (question) => {
    const r = resolveFollowUp(question, after('市医政医管要点里平安医院创建由谁牵头？'));
    expect(r.kind === 'rewrite' && r.question).toContain('平安医院');
  });

  test.each([['该方案什么时候失效'], ['这方案管到哪年为止？'], ['另外，该方案中的试点单位包括哪几类']])('%s: 该方案, 这方案 stand for the document talked about', (question) => {
    expect(resolveFollowUp(question, after('高质量发展实施方案里医保支付咋改')).kind).toBe('rewrite');
  });

  test.each([['医疗服务价格这事2021年那个方案咋说的'], ['护理这块普陀那份要点里咋写的']])('%s: after a year or a place, 那个方案 names a document of its own', (question) => {
    expect(resolveFollowUp(question, after('市医政要点里区域性医疗中心重症床位要占到多少'))).toEqual({ kind: 'none' });
  });

  test.each([
    ['另外，长宁护理这块今年有啥安排'],
    ['对了，普陀心理门诊这块有啥要求？'],
    ['中医药人才这事市里咋说的'],
    ['普陀精神卫生这方面有啥要求'],
    ['另外，长宁这个家庭医生签约怎么收费'],
    ['普陀精神卫生这一方面有啥要求'],
    ['另外，长宁护理那块今年有啥安排'],
    ['对了，普陀心理门诊那一块有啥要求？'],
    ['对了，急诊这个科室晚上开吗'], // 这个 before a noun that names a subject
    ['另外，这两年医保支付方式改了啥'], // 这两年: a span of time, not the ones just counted
    ['另外，中医药相关的都有啥'], // related to a noun of its own
    ['对了，医院安防要会同有关部门吗'], // 会同有关部门: a fixed phrase
  ])('%s: 这块 after a noun marks it as the topic; nothing is carried', (question) => {
    expect(resolveFollowUp(question, after('市医政医管要点里平安医院创建由谁牵头？'))).toEqual({ kind: 'none' });
  });
});

describe('resolveFollowUp: 这里面 asks inside the previous answer', () => {
  test('the earlier place stays though the question names 上海市 as part of a name, and the rewrite says it asks inside', () => {
    const r = resolveFollowUp('这里面要创上海市中医药特色示范站的是哪几家社区中心？', after('长宁今年怎么提升医疗机构的中医药服务能级？'));
    expect(r).toMatchObject({ kind: 'rewrite', inside: true });
    expect(r.kind === 'rewrite' && r.question).toContain('长宁');
  });

  test('must not: a follow-up that names its own place without 这里面 replaces the earlier place', () => {
    const r = resolveFollowUp('那上海市的要点里中医药特色示范站建几家？', after('长宁今年怎么提升医疗机构的中医药服务能级？'));
    expect(r.kind === 'rewrite' && r.question).not.toContain('长宁');
    expect(r).not.toHaveProperty('inside');
  });
});

describe('resolveFollowUp: 它 stands for the hospital the earlier question names by its own name', () => {
  test.each([
    ['长宁同仁医院五大中心是哪五个', '它还要争创啥等级', '同仁医院还要争创啥等级 长宁'],
    ['同仁医院今年要加强哪些中心的能力', '那它还要争什么名头', '同仁医院还要争什么名头'],
    ['天山中医医院牵头建的是啥医联体', '它还要培养多少基层中医人才', '天山中医医院还要培养多少基层中医人才'],
  ])('%s → %s', (first, then, searched) => {
    expect(resolveFollowUp(then, after(first))).toEqual({ kind: 'rewrite', question: searched });
  });
  test.each([
    ['公立医院高质量发展实施方案的总体目标是什么'], // a document named: 它 may be the plan
    ['长宁对区里公立医院绩效考核有啥要求'], // a kind of hospital, not a name
    ['普陀2025年要新投用哪几家医院'],
    ['普陀那个区康复医院今年能开起来吗'],
    ['三级医院要开几个发热门诊'],
  ])('must not: no hospital named by its own name in %s', (first) => {
    expect(hospitalNamed(first)).toBeUndefined();
  });
  test('must not: 它们 stands for several, and the earlier question is carried', () => {
    const r = resolveFollowUp('建它们主要是想解决啥问题', after('同仁医院和天山中医医院今年要建啥'));
    expect(r.kind === 'rewrite' && r.question).toContain('同仁医院和天山中医医院今年要建啥');
  });
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

describe('resolveFollowUp: 另外 / 对了 / 还有个问题 open a new question', () => {
  test.each([
    ['另外，发热门诊要24小时开吗？'],
    ['对了，互联网医院有什么要求'],
    ['还有个问题，胸痛中心建几家？'],
    ['换个问题：家庭医生签约怎么收费'],
    ['顺便问下，DRG付费啥时候全覆盖'],
    ['另外长宁的护理有哪些安排'],
  ])('%s carries no earlier topic', (question) => {
    expect(resolveFollowUp(question, after('区域性医疗中心按多少人口配置一家？'))).toEqual({ kind: 'none' });
  });

  test.each([
    ['对了，它到哪年为止？', 'rewrite'],
    ['另外，那普陀区呢？', 'rewrite'],
    ['还有个问题，第二点是什么', 'ordinal'],
  ])('%s still points back after the opener (%s)', (question, kind) => {
    expect(resolveFollowUp(question, after('公立医院高质量发展方案有哪些目标？')).kind).toBe(kind);
  });

  test('without a conversation the opener changes nothing', () => {
    expect(resolveFollowUp('另外，发热门诊要24小时开吗？', undefined)).toEqual({ kind: 'none' });
  });
});

describe('resolveFollowUp: a section ordinal points at a section of the document talked about', () => {
  test.each([
    ['第三块讲的啥', 3],
    ['第三部分讲什么？', 3],
    ['第三大块呢', 3],
    ['第3部分是啥', 3],
    ['第二方面说的什么', 2],
  ])('%s -> section %i of the cited document', (question, n) => {
    expect(resolveFollowUp(question, after('这个文件分几部分？'))).toEqual({ kind: 'section', n, docId: 'doc', topic: '这个文件分几部分？' });
  });

  test.each([['最后一部分讲啥'], ['最后那块呢'], ['最后一大块说的什么']])('%s -> the last section of the cited document', (question) => {
    expect(resolveFollowUp(question, after('这个文件分几部分？'))).toEqual({ kind: 'section', n: 'last', docId: 'doc', topic: '这个文件分几部分？' });
  });

  test('what is asked of a section is read after the words that name it; words before them describe it', () => {
    expect(resolveFollowUp('面向市民健康的第四部分讲了啥', after('这个文件分几部分？'))).not.toHaveProperty('asks');
    expect(resolveFollowUp('第四部分里面向市民健康的有啥', after('这个文件分几部分？'))).toMatchObject({ asks: expect.stringContaining('市民健康') });
  });

  test('what a section question names of its own is kept; filler words are not', () => {
    const followUp = resolveFollowUp('第二块里面，区域性医疗中心是怎么说的？', after('这个文件分几部分？'));
    expect(followUp).toMatchObject({ kind: 'section', n: 2 });
    expect(followUp.kind === 'section' && followUp.asks).toContain('区域性医疗中心');
    expect(resolveFollowUp('第二块里面讲的啥？', after('这个文件分几部分？'))).not.toHaveProperty('asks');
  });

  test.each([['第三点是什么'], ['第二条呢']])('%s is a point or item, not a section', (question) => {
    expect(resolveFollowUp(question, after('这个文件分几部分？')).kind).toBe('ordinal');
  });

  test('a long question that names a section is not a pointer', () => {
    expect(resolveFollowUp('市卫健委工作要点第三部分关于公共卫生体系建设有哪些具体安排和要求', after('这个文件分几部分？')).kind).not.toBe('section');
  });
});

describe('resolveFollowUp: the section before or after the one talked about', () => {
  test.each([
    ['上一部分呢', -1],
    ['那下一部分讲的啥', 1],
    ['前一块呢', -1],
    ['下一个方面说了什么', 1],
  ])('%s -> the section %i from that of the first cited point', (question, step) => {
    expect(resolveFollowUp(question, after('卫健要点第五部分讲啥'))).toMatchObject({ kind: 'section', n: { step, from: 'doc#1.2' }, docId: 'doc' });
  });

  test.each([['上一条呢'], ['下一步怎么做'], ['上一年的呢']])('must not: %s', (question) => {
    expect(resolveFollowUp(question, after('卫健要点第五部分讲啥')).kind).not.toBe('section');
  });
});

describe('resolveFollowUp: the part the previous answer sits in', () => {
  test.each([
    ['它所在的那一部分还有哪些其他工作？', true],
    ['那它在的那一大块还讲了啥', false],
    ['与它同属一个部分的其他条目有哪些？', true],
    ['同一部分里其余几项工作是什么？', true],
    ['这条所在那部分还有别的改革吗，都列一下', true],
    ['这部分讲了几条，都是啥', false],
    ['那这块还有哪些措施', true], // 这块 opening a question for the rest of it
    ['这块其他的还有啥', true],
    ['那这一块里还有别的工作吗', true],
  ])('%s -> the block of the first cited point (others: %s)', (question, others) => {
    expect(resolveFollowUp(question, after('普陀对重大传染病救治体系是怎么要求的？'))).toMatchObject({ kind: 'block', passageId: 'doc#1.2', others });
  });

  test('what it names of its own is kept to be sought in that part', () => {
    expect(resolveFollowUp('这部分里医保支付是怎么说的', after('21年方案讲医保改革吗'))).toMatchObject({ kind: 'block', asks: expect.stringContaining('医保支付') });
    expect(resolveFollowUp('这部分还有哪些人才方面的措施', after('21年方案讲医保改革吗'))).toMatchObject({ kind: 'block', asks: expect.stringContaining('人才') });
  });

  test.each([['这部分还有哪些别的措施？'], ['同一部分的其他改革都有哪些？'], ['这部分还有哪些安排'], ['同一部分里其余的举措呢']])(
    '%s: the rest of the part, by words that name no subject (措施, 改革, 安排), is the whole of it',
    (question) => {
      const resolved = resolveFollowUp(question, after('普陀对重大传染病救治体系是怎么要求的？'));
      expect(resolved).toMatchObject({ kind: 'block', others: true });
      expect(resolved).not.toHaveProperty('asks');
    },
  );

  test.each([
    ['这块具体怎么做'], // 这块 alone stands for the subject
    ['这块还有没有补贴'], // 还有没有: whether the subject has a thing, not the rest of a part
    ['长宁这块还有哪些措施'], // 这块 after a noun marks it as the topic
    ['第三部分讲的啥'], // an ordinal names its section
    ['长宁护理这块今年有啥安排'],
    ['它所在的那一部分还有哪些其他工作？它们分别由哪些部门牵头、什么时候完成'], // long: a question of its own
  ])('must not: %s', (question) => {
    expect(resolveFollowUp(question, after('普陀对重大传染病救治体系是怎么要求的？')).kind).not.toBe('block');
  });

  test('without a previous answer to point at, nothing', () => {
    expect(resolveFollowUp('这部分讲了几条', [{ question: '你好', answer: '…', citations: [] }]).kind).not.toBe('block');
  });
});

describe('resolveFollowUp: where the document mentions what the earlier question asked about', () => {
  test.each([['在哪几处提的，分别咋说'], ['分别在哪几条中提到，具体是怎么说的？'], ['哪些地方说了'], ['除了这条，文件里还有哪几条提到它？'], ['除此之外还在哪些地方提到']])(
    '%s -> mentions, in the document talked about',
    (question) => {
      expect(resolveFollowUp(question, after('长宁的计划里安宁疗护有提到吗'))).toEqual({ kind: 'mentions', docId: 'doc', topic: '长宁的计划里安宁疗护有提到吗' });
    },
  );

  test.each([['在哪几处提到了护理'], ['第三条说的啥'], ['哪几条是关于医保的'], ['除了这条，还有哪几条提到护理']])('must not: %s names a topic or a point of its own', (question) => {
    expect(resolveFollowUp(question, after('长宁的计划里安宁疗护有提到吗')).kind).not.toBe('mentions');
  });
});
