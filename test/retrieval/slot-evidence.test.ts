import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import kinds from '../../src/retrieval/data/institution-kinds.json' with { type: 'json' };
import { CORPUS_DIR } from '../support/corpus-dirs.js';
import {
  aboutOtherKind,
  askedChoice,
  askedPredicate,
  asksComparison,
  asksCountsEach,
  asksNames,
  asksWhatIsDone,
  asksWhichBody,
  contentsAsked,
  enumeratesItems,
  enumeratesKind,
  givesContents,
  holdsChoice,
  holdsPredicate,
  holdsSlot,
  kindAsked,
  leftOut,
  missingNoun,
  partAsked,
  termAsked,
} from '../../src/retrieval/slot-evidence.js';
import { readIntent } from '../../src/retrieval/question-intent.js';
import { spellWhichCounts } from '../../src/text/chinese-numerals.js';
import { seedCorpus } from '../support/seed-pipeline.js';

describe('holdsSlot', () => {
  it.each([
    ['重症床位和可转换重症床位要达到总床位数的 20%', true],
    ['按照每 100 万人口左右设置 1 家区域性医疗中心', true],
    ['创建１０家以上国家区域医疗中心', true], // full-width digits
    ['培育三十家左右示范型社区卫生服务中心', true],
    ['医护比达到1:1.2', true],
    ['每千人口床位数达到百分之六十', true],
  ])('figure held: %s', (text, held) => {
    expect(holdsSlot('figure', text)).toBe(held);
  });

  it.each([
    ['持续推进大型医用设备配置管理', false], // a topic without a figure
    ['2023年全面推进互联网医院建设', false], // a year is a date, not a figure
    ['落实“十四五”卫生健康规划', false],
    ['推广电子病历3.0版应用', false],
    ['开展 5.12国际护士节活动', false],
    ['加强护理员培训，提高服务能力', false],
  ])('no figure: %s', (text, held) => {
    expect(holdsSlot('figure', text)).toBe(held);
  });

  it.each([
    ['2025年底前实现全覆盖', true],
    ['24小时内完成报告', true],
    ['年底前完成建设', true],
    ['一个月内整改到位', true],
    ['自2023年3月1日起施行', true],
    ['持续推进互联网医院建设', false],
    ['培育30家示范中心', false], // a figure is not a date
    ['“十四五”到“十五五”期间,力争建成3－4个国际一流的临床学科', true], // a plan period is a time
    ['落实“十四五”卫生健康规划', false], // a plan's name is not
  ])('date: %s -> %s', (text, held) => {
    expect(holdsSlot('date', text)).toBe(held);
  });

  it.each([
    ['由市卫生健康委牵头，会同市医保局组织实施', true],
    ['各区政府负责落实', true],
    ['医院主要领导是第一责任人', true],
    ['持续优化就医流程，改善患者感受', false],
  ])('who: %s -> %s', (text, held) => {
    expect(holdsSlot('who', text)).toBe(held);
  });

  it.each([
    ['推广预约诊疗、检查检验结果互认、一站式服务', true],
    ['一是加强培训；二是完善制度', true],
    ['推进智慧医院建设', false],
  ])('list: %s -> %s', (text, held) => {
    expect(holdsSlot('list', text)).toBe(held);
  });
});

describe('holdsSlot with the measure the question names', () => {
  it.each([
    ['第三批示范性社区康复中心，每家补贴多少？', '建设第三批20家示范性社区康复中心', false], // 20家 is a count, not money
    ['市级财政每年补助多少钱', '每年安排专项资金1000万元', true],
    ['入径率要达到百分之多少？', '提高临床路径管理的入径率、完成率', false],
    ['重症床位占比多少', '要达到总床位数的 20%', true],
    ['这次要评到几级几等？', '以全国一流中西医结合医院为标杆', false],
    ['这次要评到几级？', '创建三级乙等中西医结合医院', true],
    ['它还要争创啥等级', '加强同仁医院五大中心建设', false], // 啥等级, 什么级别 ask a grade as 几级 does
    ['它还要争创啥等级', '争创三级甲等综合性医院', true],
    ['要派多少人去？', '组建第六批援滇医疗队', false],
    ['要派多少人去？', '选派10名医师', true],
    ['示范中心要培育多少', '培育30家示范中心', true], // no measure named: any figure counts
    ['家医签约覆盖多少户', '培育30家示范中心', false], // households asked by their unit (户): 30家 counts centres
  ])('%s / %s -> %s', (question, text, held) => {
    expect(holdsSlot('figure', text, question)).toBe(held);
  });

  it.each([
    ['实施细则哪天起正式实施？', '印发《三级医院评审标准（2022年版）》上海实施细则', false], // an edition year, and no day
    ['哪天起实施', '自2023年3月1日起施行', true],
    ['哪年建成', '2025年底前建成', true],
    ['啥时候开张', '加快推进区康复医院投入使用', false],
    ['要求在哪个时间节点前完成？', '定期开展医疗机构安全风险排查，全面推进二级以上医院开展安检工作', false], // 定期 recurs, it sets no deadline
    ['截止到啥时候要全覆盖', '每年开展一次督查，年度考核结果通报', false],
    ['完成时限是多久', '督促限期整改，30个工作日内办结', true],
    ['要求在哪个时间节点前完成？', '2023年底前二级以上医院全面开展安检', true],
    ['啥时候之前要完成', '“十四五”期间完成改造', true],
    ['多久检查一次', '定期开展医疗机构安全风险排查', false], // a frequency asked: 定期 gives none (the 频次 measure)
    ['什么时候开展排查', '定期开展医疗机构安全风险排查', true], // no deadline asked: any date word, as before
  ])('date: %s / %s -> %s', (question, text, held) => {
    expect(holdsSlot('date', text, question)).toBe(held);
  });

  it('a hospital grade is not a figure', () => {
    expect(holdsSlot('figure', '二级以上医院、社区卫生服务中心发热门诊要保持应设尽设')).toBe(false);
    expect(holdsSlot('figure', '二级以上医院设置不少于3间诊室')).toBe(true);
  });
});

describe('holdsSlot: what a cited document holds is answered by its contents given with its title, not by the title cited', () => {
  it.each([
    ['中医药综合改革示范区建设方案里确定的改革任务有哪些？', '一是全面推进《上海市国家中医药综合改革示范区建设方案》确定的各项改革任务', false],
    ['长宁平安医院建设工作方案里各单位是怎么分工的？', '贯彻落实《长宁区“平安医院”建设工作方案》，明确职责分工', false], // quotes inside the title
    ['《上海市卫生健康发展“十四五”规划》主要讲了啥？', '对标《上海市卫生健康发展“十四五”规划》，全面推进各项工作', false],
    ['依法执业自查管理办法里规定了查哪些', '《上海市医疗机构依法执业自查管理办法》包括执业资质、人员资质和技术准入三方面', true],
  ] as const)('%s / %s -> %s', (question, text, held) => {
    expect(holdsSlot('list', text, question)).toBe(held);
  });
});

describe('holdsSlot: how many things asked by 个 is not answered by a share or a ratio', () => {
  const ICU = '市级定点医院、区域性医疗中心的重症床位和可转换重症床位要达到总床位数的20%，确保综合ICU监护单元可随时使用';
  it.each([
    ['可转换的重症监护单元今年每家要建几个？', ICU, false],
    ['可转换重症监护单元每家建几个', '通过建设可转换重症监护单元，确保需要时24小时内重症监护资源增加一倍', false], // a span and a multiple count no units
    ['专病医联体建了几个', '已建立21个专病医联体', true],
    ['区域医疗中心要建几个', '建设3－5家区域医疗中心', true], // 几个 answered by 家 as well
    // the thing counted after 几个: a count of another thing is no answer
    ['一院多区的话一家大医院最多能开几个分院', '加快推进市级优质资源向“五个新城”及金山、崇明等远郊扩容下沉', false],
    ['一家医院最多能开几个分院', '每家医院最多设3个分院区', true],
    ['上海要搞几个国家医学中心', '创建10家以上国家医学中心和国家区域医疗中心', true], // the noun after 以上 still shares
    ['今年要新建改建多少个园区楼宇健康服务点', '新建改建20个园区楼宇健康服务点', true],
    ['国际一流的临床学科要弄几个出来', '建设10个国际一流临床学科', true], // no noun after 几个: any count
    ['ICU监护单元得有多少个', ICU, false],
    ['重症床位要占总床位的百分之几', ICU, true], // a share asked: read as before
    ['重症床位占比多少', ICU, true],
    ['全市要建几个区域医疗中心', '新建5个区域医疗中心', true],
    ['中心要建几个', '建设区域医疗中心，覆盖率达到百分之九十', false],
    ['这项试点要搞几个月', '试点覆盖率达到80%', true], // 几个月 asks a span, not things: read as before
  ] as const)('%s / %s -> %s', (question, text, held) => {
    expect(holdsSlot('figure', text, question)).toBe(held);
  });
});

describe('holdsSlot: how often, in years (几年评一次), is answered by a cycle, not by an edition year', () => {
  it.each([
    ['三级医院评审现在是几年评一次？', '医院等级评审每4年开展一次', true],
    ['三级医院评审现在是几年评一次？', '三级医院评审周期为四年', true],
    ['专科评估几年一轮', '专科评估三年一轮', true],
    ['三级医院评审现在是几年评一次？', '印发《三级医院评审标准（2022年版）》上海实施细则', false], // an edition, not a cycle
    ['大型医院巡查几年搞一次', '开展年度大型医院巡查，提升医院巡查工作效能', true], // 年度: once a year
    ['大型医院巡查几年搞一次', '定期开展大型医院巡查', false], // 定期 says it recurs, not how often
    ['那个三年行动计划几年一轮啊', '启动新一轮加强公共卫生体系建设三年行动计划', true], // a plan of three years, round by round
    ['大型医院巡查几年搞一次', '落实公共卫生体系建设三年行动计划', false], // a plan's years, not the inspection's
  ] as const)('%s / %s -> %s', (question, text, held) => {
    expect(holdsSlot('date', text, question)).toBe(held);
  });
});

describe('holdsSlot: who holds a post is answered by a sentence that names that post', () => {
  const LEAD = '由市政府主要领导担任市深化医药卫生体制改革领导小组组长';
  it.each([
    ['市深化医药卫生体制改革领导小组的副组长由谁担任？', LEAD, false], // 组长 is not the 副组长
    ['医改领导小组组长是谁', LEAD, true],
    ['领导小组副组长由谁担任', '由市卫生健康委主任担任领导小组副组长', true],
    ['领导小组组长由谁担任', '由市卫生健康委主任担任领导小组副组长', false], // 副组长 is not the 组长
    ['这事谁牵头', '由市卫生健康委牵头', true], // no post asked: as before
    ['长宁区中医药工作领导小组谁当组长？', '组织协调区中医药工作领导小组相关成员单位和各医疗机构，加快落实各项创建工作', false], // 谁 before the post
    ['医改领导小组谁来担任组长', LEAD, true],
    // who leads a group is a post too: only a sentence that says who leads answers
    ['第六批援滇医疗队谁带队？', '组建第六批援滇医疗队', false],
    ['普陀大医院巡查是谁领队', '聚焦公立医院党建、行业作风建设、运行管理等情况，开展年度大型医院巡查', false],
    ['援滇医疗队由哪家医院带队', '由区中心医院带队，组建第六批援滇医疗队', true],
    ['巡查组谁来带队', '由区卫生健康委主要领导带队开展巡查', true],
    ['全市推动医院改革，最高层由谁来挂帅？', LEAD, true], // the group's head answers who leads it
  ])('%s / %s -> %s', (question, text, held) => {
    expect(holdsSlot('who', text, question)).toBe(held);
  });
});

describe('holdsSlot: a figure or date of another item of the clause is not the one asked', () => {
  it.each([
    // the value closes the item before the one asked, or opens an item after it
    ['加快推进瑞金无锡分院二期和仁济宁波分院建设', '仁济宁波分院现在是在建第几期', false],
    ['继续开展三省一市国家队联合演练和季度公共卫生联合风险评估', '三省一市国家队那个联合演练多久搞一次', false],
    ['推进示范性社区康复中心和20家中医药特色示范站建设', '示范性社区康复中心建几家', false],
    // the value of the item asked, one counting the items together, one in their shared predicate, or in another clause
    ['加快推进瑞金无锡分院二期和仁济宁波分院建设', '瑞金无锡分院建到第几期了', true],
    ['继续开展三省一市国家队联合演练和季度公共卫生联合风险评估', '公共卫生联合风险评估多久搞一次', true],
    ['创建10家以上国家医学中心和国家区域医疗中心', '要争取多少家国家级的医学中心和区域医疗中心', true],
    ['市级定点医院、区域性医疗中心的重症床位和可转换重症床位要达到总床位数的20%', '市级定点医院重症床位占比多少', true],
    ['开展2022年度本市二、三级公立医院绩效考核', '今年市里搞公立医院绩效考核，考的是哪一年的', true],
    ['力争到2025年，创建10家以上国家医学中心', '国家医学中心啥时候建成', true],
    ['对已经建档的65岁及以上重点人群做好分类分级健康服务', '多大岁数老人算建档重点人群', true], // 及以上 bounds a figure, it joins no items
  ])('%s (%s) -> %s', (text, question, held) => {
    const slot = /几期|多少|几家|占比|多大/.test(question) ? 'figure' : 'date';
    expect(holdsSlot(slot, text, question)).toBe(held);
  });
});

describe('holdsSlot: an answer tells something the question does not', () => {
  it('a figure the question states is not the answer', () => {
    expect(holdsSlot('figure', '包括高水平医院10家、示范型区域性医疗中心10家', '那10家高水平医院每家补多少？')).toBe(false);
    expect(holdsSlot('figure', '包括高水平医院10家、示范型区域性医疗中心10家', '高水平医院有几家？')).toBe(true);
  });
  it('a body the question names is not the answer', () => {
    expect(holdsSlot('who', '加快推进区康复医院投入使用', '区康复医院跟哪家医院合作？')).toBe(false);
    expect(holdsSlot('who', '由市卫生健康委牵头推进区康复医院建设', '区康复医院谁牵头？')).toBe(true);
  });
});

describe('holdsSlot: a count of people is answered by a number of people', () => {
  it.each([
    ['一张重症床要配几个护士？', '重症床位要达到总床位数的20%', false], // a share is not a head count
    ['每个社区要配几名全科医生？', '每个社区卫生服务中心配备全科医生不少于5名', true],
    ['规培要招多少学员', '招收住院医师规范化培训学员800人', true],
    ['要建几个分中心', '成立2家指导中心和3个行业分中心', true], // not a count of people: any figure
  ])('%s / %s -> %s', (question, text, held) => {
    expect(holdsSlot('figure', text, question)).toBe(held);
  });
});

describe('holdsSlot: counts asked of each of several things (分哪几类，各几家) are held by items each with its count', () => {
  const question = '公立医院高质量发展试点单位分为哪几类？各多少家？';
  it.each([
    ['包括国际一流、国内领先的高水平医院10家、示范型区域性医疗中心10家、高水平社区卫生服务中心20家', true],
    ['着力建设1－2家国家中医医学中心、1家国家中医药传承创新中心、3－5家中西医结合旗舰医院', true],
    ['以中山、瑞金两家高质量发展国家试点医院和全市40家试点单位为重点', false], // two counts of other sets, not the kinds with theirs
    ['遴选新的30家左右IDC医院挂牌', false], // a total, no split
  ])('%s -> %s', (text, held) => {
    expect(holdsSlot('list', text, question)).toBe(held);
    expect(holdsSlot('figure', text, '新挂牌的IDC医院，市级的区级的各几家')).toBe(held);
  });

  it.each([
    ['公立医院高质量发展试点单位分为哪几类？各多少家？', true],
    ['试点单位分哪几类，各选多少家啊', true],
    ['各类分别有多少家？', true],
    ['第二批示范站和村卫生室分别建设多少家？', true],
    ['每类多少家', true],
    ['中心、基地、医院，每样各弄几家啊', true],
    ['分哪几类，各挑了几家啊', true],
    ['这几类各搞多少个', true],
    ['各区要建几家', false], // a count for each district: a figure per unit, not items with their counts
    ['试点单位一共多少家', false],
    ['这些高水平医院分别是哪几家？', false], // which ones, not how many of each
    ['分别是哪几个区', false],
  ])('asksCountsEach(%s) -> %s', (q, asked) => expect(asksCountsEach(q)).toBe(asked));
});

describe('holdsSlot: 五大中心 counts its noun, for a question that asks that count', () => {
  it.each([
    ['同仁医院要建几大中心', '加强同仁医院五大中心能力建设', true],
    ['主题活动盯着几个环节', '聚焦流程、模式、效率、环境、沟通五大环节', true],
    ['重症医学团队需要储备多少名医护人员？', '加强同仁医院五大中心能力建设', false], // a count of people, not of centres
    ['要建几家分院', '加强同仁医院五大中心能力建设', false], // another noun
    ['要建几家分院', '进一步扩大优质医疗资源', false], // 扩大 counts nothing
  ])('%s / %s -> %s', (question, text, held) => {
    expect(holdsSlot('figure', text, question)).toBe(held);
  });

  it('几甲 asks a grade: 三级甲等 answers it, a count of centres does not', () => {
    expect(holdsSlot('figure', '争创三级甲等综合性医院', '同仁医院今年要冲几甲')).toBe(true);
    expect(holdsSlot('figure', '加强同仁医院五大中心能力建设', '同仁医院五大中心今年要冲几甲')).toBe(false);
  });
});

describe('holdsSlot: ordinals, editions, frequencies and festival dates', () => {
  it.each([
    ['大赛今年是第几届？', '举办首届长三角职业健康技能大赛', true],
    ['技能大赛办到第几届了？', '开展第三届生物安全技能大赛', true],
    ['执行的是第几个五年普法规划？', '实施卫生健康系统“八五”普法规划', true],
    ['大赛今年是第几届？', '举办长三角职业健康技能大赛', false],
    ['无锡分院推进的是第几期建设？', '加快推进瑞金无锡分院二期和仁济宁波分院建设', true], // a phase: 二期
    ['无锡分院推进的是第几期建设？', '加快推进瑞金无锡分院建设', false],
    ['分院建设要几期完成', '近期完成分院建设', false], // 近期 is no phase
  ])('figure: %s / %s -> %s', (question, text, held) => {
    expect(holdsSlot('figure', text, question)).toBe(held);
  });

  it.each([
    ['评审标准是哪一年版的？', '印发《三级医院评审标准（2022年版）》上海实施细则', true],
    ['评审标准用的是哪年的版本', '印发三级医院评审标准上海实施细则', false],
    ['巡查多久搞一回？', '开展年度大型医院巡查', true],
    ['核查多久做一次', '做好常态化异常住院费用病例核查', false], // 常态化 says it recurs, not how often
    ['培训多久搞一次', '对区级医疗机构、社区卫生服务中心定期开展救治培训', false], // so does 定期
    ['风险评估多久做一次', '开展季度公共卫生联合风险评估', true],
    ['核查多久做一次', '做好异常住院费用病例核查', false],
    ['护士节活动哪天搞？', '开展5.12国际护士节活动', true],
    ['活动哪天搞？', '推广电子病历3.0版应用', false], // a version is not a date
  ])('date: %s / %s -> %s', (question, text, held) => {
    expect(holdsSlot('date', text, question)).toBe(held);
  });

  it('a legislature is a body', () => {
    expect(holdsSlot('who', '推动市人大开展中医药条例执法检查', '执法检查谁来搞？')).toBe(true);
  });
});

describe('holdsSlot: a number the documents leave vague (若干, 一系列, 一批) is not given', () => {
  const occupational = '八是设立本市职业病专科医疗联合体，成立2家职业病危害工程防护指导中心和若干行业分中心';
  const specialties = '力争建成3－4个国际一流的临床学科和若干临床、中医重点专科,培育3－4个国际一流团队,培养若干国际知名的医学临床科学家';
  it.each([
    [occupational, '职业病那个行业分中心准备设几家'],
    [occupational, '行业分中心要建几个？'],
    [specialties, '国际知名的医学临床科学家要培养多少位？'],
    [specialties, '临床科学家打算培养几个'],
    [`“十四五”到“十五五”期间,${specialties}.`, '临床科学家打算培养几个'], // the 2021 plan ends its sentences with a half-width full stop
    [specialties, '中医重点专科要建成几个？'],
    ['开展一系列中医药文化进校园活动，推动2家社区开展太极宣教', '中医药文化进校园活动搞几场'],
    ['依托部分市级医院，打造一批国内领先、国际知名、特色鲜明的医疗中心，配置1家区域性医疗中心', '国内领先的医疗中心打造几个'],
  ])('not held: %s <- %s', (text, question) => {
    expect(holdsSlot('figure', text, question)).toBe(false);
  });

  it.each([
    // Another noun of the same sentence is counted: its figure answers.
    [occupational, '职业病危害工程防护指导中心要成立几家？'],
    [occupational, '职业病防护指导中心建几家'], // 中心 alone is too short a tail to name 行业分中心
    [specialties, '国际一流团队要培育几个？'],
    [specialties, '国际一流的临床学科力争建成几个'],
    // The noun is counted vaguely in one place and exactly in another.
    ['再补点若干区域性医疗中心建设单位，全市共有12家区域性医疗中心建设单位', '区域性医疗中心建设单位有几家'],
    // 第二部分 is a section, not a quantity.
    ['第二部分明确，新建5家示范性社区康复中心', '第二部分的示范性社区康复中心建几家'],
  ])('held: %s <- %s', (text, question) => {
    expect(holdsSlot('figure', text, question)).toBe(true);
  });

  it('without the question, a sentence with a figure holds one', () => {
    expect(holdsSlot('figure', occupational)).toBe(true);
  });
});

describe('holdsSlot: 一批 and 若干 are not figures', () => {
  it.each([
    ['打造一批国内领先的医疗中心', false],
    ['新增或调整部分专业质控中心', false],
    ['遴选第一批示范性社区康复中心，建设10家', true], // 10家 is the figure
    ['指导做好新一批“组团式”援疆医疗人才的选派工作', false],
  ])('%s -> %s', (text, held) => {
    expect(holdsSlot('figure', text)).toBe(held);
  });
});

describe('askedPredicate: what a yes/no question asks of its topic', () => {
  it.each([
    ['老人打新冠疫苗要自己掏钱吗？', '自己掏钱'],
    ['书记和院长分设的医院，党委书记可以兼任行政领导职务吗？', '兼任行政领导职务'],
    ['郊区坐120救护车，能不能在车上直接用医保移动支付？', '在车上直接用医保移动支付'],
    ['医院科技成果转化的收益，要不要算进绩效工资总量？', '算进绩效工资总量'],
    ['社区医院的发烧门诊必须24小时开着吗', '24小时开着'],
    ['党委书记能兼院长不？', '兼院长'],
    ['老年人打流感疫苗是免费的吗？', '免费的'],
    ['但是这个还是要登记吗', '登记'], // 但是, 还是 are not the copula
  ])('%s -> %s', (question, predicate) => {
    expect(askedPredicate(question)).toBe(predicate);
  });

  it.each([
    ['普陀那边对胸痛、卒中有提吗？'], // nothing of substance after the last yes/no word
    ['区域性医疗中心按多少人口配置一家？'], // no yes/no word
  ])('none: %s', (question) => {
    expect(askedPredicate(question)).toBeUndefined();
  });
});

describe('holdsPredicate', () => {
  it.each([
    ['党委书记一般不兼任行政领导职务', '党委书记可以兼任行政领导职务吗？', true],
    ['探索在郊区院前急救车辆上开展医保移动支付', '郊区坐救护车能不能用医保移动支付？', true],
    ['探索在郊区院前急救车辆上开展医保移动支付', '郊区坐120救护车，能不能在车上直接用医保移动支付？', true], // words, not bigrams across them (上直, 接用)
    ['开展“免陪照护服务”试点', '免陪照护病人要另外付钱吗？', false],
    ['加大老年人疫苗接种和第二剂次加强免疫接种推进力度', '老人打新冠疫苗要自己掏钱吗？', false],
    ['发热门诊要保持“应设尽设、应开尽开”', '社区医院的发烧门诊必须24小时开着吗', false],
    ['加大老年人疫苗接种推进力度', '有提老年人疫苗吗', true], // nothing asked beyond the topic
  ])('%s <- %s: %s', (text, question, held) => {
    expect(holdsPredicate(text, question)).toBe(held);
  });
});

describe('holdsPredicate: whether a community named by its own name is among those the documents name', () => {
  const REHAB = '推动周桥、新华、华阳创建示范性社区康复中心';
  const known = (word: string) => ['周桥', '新华', '华阳', '社区', '康复', '示范', '家桥', '程家'].includes(word);
  it.each([
    ['江苏路社区卫生服务中心今年也在创示范性社区康复中心吗？', REHAB, true, false], // others named side by side, not it
    ['长宁区2023年程家桥社区卫生服务中心是否也在创建示范性社区康复中心？', REHAB, true, false],
    ['第二批中医特色示范服务站有长风社区吗', '建设第二批30家中医药特色示范社区卫生服务站（村卫生室）', true, false], // a name the documents never use
    // must not fire: the one named is among them; a kind, not a name (示范性社区, 社区医院); a known name, nothing listed
    ['华阳社区卫生服务中心也在创示范性社区康复中心吗？', REHAB, true, true],
    ['示范性社区康复中心今年要创建吗', REHAB, true, true],
    ['专家号能放到社区医院挂吗？', '推动优质资源下沉，专家号源向社区卫生服务中心开放', true, true],
    ['程家桥社区卫生服务中心也要搞签约吗', '做好家庭医生签约服务', true, true],
  ] as const)('%s in 「%s」 (with the corpus vocabulary: %s): %s', (question, text, withKnown, held) => {
    expect(holdsPredicate(text, question, withKnown ? known : undefined)).toBe(held);
  });
});

describe('holdsSlot: which district, which hospital', () => {
  it.each([
    ['紧密型城市医疗集团试点区是哪几个区？', '组织开展紧密型城市医疗集团试点区建设，充分发挥区级医院的牵头作用', false], // 区级医院 is no district
    ['试点在哪个区？', '在长宁区、普陀区开展试点', true],
    ['长宁房颤全专结合平台是哪家医院牵头？', '充分发挥区域二三级医疗机构的专科特色，推进房颤、甲状腺等疾病全专结合平台建设', false], // a kind of hospital, not one named
    ['长宁区的中医医联体是哪家医院牵头？', '以天山中医医院为中心，牵头建立区域中医医联体', true],
    ['国家试点是哪两家医院？', '以中山、瑞金两家高质量发展国家试点医院为引领', true],
    ['新冠重症归哪家医院收？', '危重型合并基础疾病的患者由市级定点医院负责收治', false], // 市级定点医院 is a kind
    ['区康复医院跟哪家医院合作？', '加快推进区康复医院、区精神卫生中心桃浦院区投入使用', false], // the question's own hospital
    // the hospital named before 哪家 (牵头医院是哪家, 定点医院是哪几家) asks a hospital's name as 哪家医院 does
    ['普陀区儿科专科医联体的牵头医院是哪家？', '进一步强化儿科专科医联体建设，鼓励牵头医院对医联体内医院儿科探索一体化管理', false],
    ['收危重病人的市级定点医院是哪几家啊', '对口市级医院做好联动支撑，市级定点医院要做好危重型病例的收治准备', false],
    ['国家试点医院是哪两家？', '以中山、瑞金两家高质量发展国家试点医院为引领', true], // the names before the body the question names stay
    ['上海在外地合作建的医院有哪几家？', '与安徽省合作共建上海中医药大学附属曙光医院安徽医院，加快推进瑞金无锡分院二期', true],
    // a hospital qualified, not named: 有条件的医院, 医联体内医院
    ['允许开展自行研制体外诊断试剂试点的是哪几家医院？', '允许有条件的医院按照国家要求开展自行研制体外诊断试剂试点', false],
    // a hospital of a standing, not named (高水平医院); the districts a question asks by their kind (远郊区) named without 区
    // a hospital named by its part in a partnership, or a tier below the city's (受援医院, 帮扶县级医院): no name
    ['组团式对口支援的受援医院一共是哪几家，有名单吗？', '进一步推进上海医疗“组团式”对口支援和三级医院帮扶县级医院工作，重点推动受援医院的医疗服务能力的提升', false],
    ['医联体的成员医院是哪几家', '推进医联体内成员医院和合作医院的资源共享', false],
    // kinds of one word side by side (援疆、援藏、援青、援滇) are no short names of bodies
    ['组团式对口支援的受援医院是哪几家？', '指导做好新一批“组团式”援疆、援藏、援青、援滇医疗人才的选派工作，进一步推进上海医疗“组团式”对口支援和三级医院帮扶县级医院工作', false],
    ['示范站是哪几家医院', '推动周桥、新华、华阳、新泾四家社区卫生服务中心开展宣教', true], // four names, not all opening alike
    ['试点是哪几家医院', '推动新华、新泾两家医院开展试点', true], // two names sharing a character still name
    ['受援医院有名单吗，是哪几家', '指导做好新一批援疆、援藏、援青、援滇医疗人才的选派工作，重点推动受援医院的医疗服务能力的提升', false],
    ['示范站是哪几家', '推动周桥、新华、新泾社区卫生服务中心开展宣教', true], // the first does not open alike
    ['对口支援的是哪几家医院', '组织瑞金医院、中山医院对口支援受援医院', true], // named ones beside them answer
    ['哪几家大医院要去五个新城开分院', '支持符合条件的高水平医院通过“一院多区”建设,加快推进市级优质资源向“五个新城”及金山、崇明等远郊扩容下沉', false],
    ['文件点名了哪几个远郊区作为扩容下沉的方向？', '加快推进市级优质资源向“五个新城”及金山、崇明等远郊扩容下沉', true],
    ['哪家医院要在嘉定建新院区', '支持瑞金医院在嘉定建设新院区', true], // must still: a hospital named as such
    // which schools: a school named as such, not the body the work is done with
    ['中医药文化进校园具体覆盖哪几所学校？', '以区中医治未病中心为依托，联合区教育局，开展一系列中医药文化进校园活动', false],
    ['中医药文化进校园具体覆盖哪几所学校？', '联合区教育局，在长宁实验小学、天山中学开展中医药文化进校园活动', true],
    // names beside what was asked: a sentence that does not speak of the noun asked (区域性医疗中心) names other bodies
    ['普陀区的区域性医疗中心是哪几家医院？', '加快推进区康复医院、区精神卫生中心桃浦院区投入使用', false],
    ['中医特色示范站是哪几家医院', '推动华阳、虹桥两家社区卫生服务中心开展太极健康宣教活动，加快推进天山中医医院建设', false],
    ['太极健康宣教活动是哪两家社区中心在搞', '推动华阳、虹桥两家社区卫生服务中心开展太极健康宣教活动', true],
    ['新声儿大楼是哪家医院的', '推进复旦大学附属儿科医院新生儿大楼建设', true], // 儿大楼: three characters of it are enough
    ['签约的合作医院是哪家', '推进新一轮与华东医院签约工作', true], // a hospital's role: the hospital named is the answer
    ['长宁开展太极健康宣教活动的是哪两家社区卫生服务中心？', '推动华阳、虹桥两家社区卫生服务中心开展太极健康宣教活动', true], // nothing after 的: no noun of its own
    // an enumeration of tasks (院感防控、分级诊疗、转诊会诊) names no hospital; short names side by side (周桥、新华、华阳) do
    ['新挂牌的IDC医院名单包括哪些医院？', '建立传染病识别防护、院感防控、分级诊疗、转诊会诊和脆弱人群保护和重症救治机制', false],
    ['创示范的社区中心名单有哪些？', '推动周桥、新华、华阳创建示范性社区康复中心', true],
    // names counted as another number than asked (中山、瑞金两家 for 那10家) name none of those asked
    ['那10家高水平医院具体是哪几家？', '以中山、瑞金两家高质量发展国家试点医院和全市40家试点单位为重点', false],
  ])('%s / %s -> %s', (question, text, held) => {
    expect(holdsSlot('who', text, question)).toBe(held);
  });

  it('a who question that names no kind of body takes any body', () => {
    expect(holdsSlot('who', '充分发挥区级医院的牵头作用', '城市医疗集团试点里头，是谁挑大梁牵头？')).toBe(true);
  });
});

describe('enumeratesItems: three or more items side by side in one sentence', () => {
  it.each([
    ['推动门诊号源、检查检验、住院床位等医疗资源向社区下沉'],
    ['推进科室、专家团队预约新模式，提升医疗服务连续性、安全性、便利性'],
    ['完善医疗执业险、医疗意外伤害险和医疗责任险'],
    ['加强急诊、重症等科室建设'],
    ['推动周桥、新华、华阳创建示范性社区康复中心'],
  ])('%s', (s) => {
    expect(enumeratesItems(s)).toBe(true);
  });

  it.each([['加快推进区康复医院、区精神卫生中心桃浦院区投入使用'], ['持续做好医药领域腐败问题集中整治，及时根据线索查办案件，加强对医疗机构的督查指导'], ['做好护理工作。']])('not: %s', (s) => {
    expect(enumeratesItems(s)).toBe(false);
  });
});

describe('holdsSlot: a ratio asked by name is answered by a figure of that ratio', () => {
  const beds = '科学、分类设定公立医院床人比,逐步使医护比总体提到1∶2左右';
  it.each([
    ['公立医院的床人比具体定多少？', beds, false], // the 1∶2 is 医护比's
    ['医护比要提到多少？', beds, true],
    ['医生护士的配比全市要达到多少？', '逐步使医护比总体提到1∶2左右', true], // 配比 names no ratio: any ratio figure answers
    ['床位和医生的配比定多少', '逐步使医护比总体提到1∶2左右', false], // must not: the ratio named by its two terms is 床医比
    ['医护比是多少', '逐步使医护比总体提到1比2左右', true],
    ['重症床位占比要多少', '重症床位要达到总床位数的20%', true], // 占比 names no ratio of its own
    ['床人比怎么定', '科学、分类设定公立医院床人比', false],
    // a ratio named by its two terms: 床位跟人员的比例 is 床人比, 医生和护士的比 is 医护比
    ['公立医院床位跟人员的比例定的多少', beds, false],
    ['公立医院床位跟护士的比例要求是多少？', beds, false], // 床护比, not the 医护比 of 公立医院…护士
    ['公立医院里医生跟护士的比例要到多少？', beds, true],
    ['医务人员跟床位的比例是多少', beds, false], // 人床比
    ['医护比说要到1比2，那床位跟人的比例定的多少啊', beds, false], // the ratio asked, not the one the asker knows
    ['医生和护士的比例要到多少', beds, true],
    // with how the ratio is set between the terms and 比例 (应按什么比例, 按照多少比例)
    ['医生和护士应按什么比例配备', beds, true],
    ['重症医护人员与重症床位应按什么比例配备？', '重症床位和可转换重症床位要达到总床位数的20%', false], // a share of beds is no staff-to-bed ratio
    ['床位与人员按照多少比例设定', beds, false],
    ['那床人比定的是多少？ 医护比要提到多少', beds, false], // a follow-up searched with the conversation's question after it
    // what the asker states first, then asks after 那: the ratio after 那 is asked
    ['方案提出医护比要逐步提高到1:2左右，那公立医院的床人比具体定为多少？', beds, false],
    ['医护比都说到1比2了，那床人比呢，定多少', beds, false],
    ['床人比说是分类设定，那医护比要到多少', beds, true],
  ])('%s / %s -> %s', (question, text, held) => {
    expect(holdsSlot('figure', text, question)).toBe(held);
  });
});

describe('holdsSlot: which districts, asked as a list', () => {
  it.each([
    ['紧密型城市医疗集团试点区是哪几个区？', '组织开展紧密型城市医疗集团试点区建设，探索医疗管理、运营管理、信息管理一体化', false],
    ['试点放在哪些区？', '在长宁、普陀、闵行三个区先行试点', true],
    ['试点有哪些内容？', '探索医疗管理、运营管理、信息管理一体化', true], // no district asked: items answer
  ])('%s / %s -> %s', (question, text, held) => {
    expect(holdsSlot('list', text, question)).toBe(held);
  });
});

describe('holdsSlot: which ones, by name, are not answered by a kind counted', () => {
  it.each([
    ['分别是哪两家单位？', '成立2家职业病危害工程防护指导中心和若干行业分中心', 'who'],
    ['那10家示范型区域性医疗中心具体是哪几家医院？', '包括国际一流、国内领先的高水平医院１０家、示范型区域性医疗中心１０家、高水平社区卫生服务中心２０家,加快探索', 'list'],
    ['试点是哪几家医院？', '探索在三级医院开展职称自主评审试点', 'list'],
    // A kind the text counts stays a kind where it is mentioned again; 布局 is not a bureau (局).
    ['今年新补的是哪几家医院？', '结合医疗资源布局、人口分布等因素，再补点若干区域性医疗中心建设单位，年底完成认定挂牌；完善区域性医疗中心建设协调推进机制', 'list'],
    // A kind of institution (社区卫生服务中心) names none of them.
    ['是哪几家医院？', '推进社区卫生服务中心建设', 'list'],
  ] as const)('%s: not held by 「%s」', (question, text, slot) => {
    expect(holdsSlot(slot, text, question)).toBe(false);
  });

  it.each([
    ['国家试点医院是哪两家？', '以中山、瑞金两家高质量发展国家试点医院和全市40家试点单位为重点', 'who'],
    ['区域中医医联体由哪家医院牵头？', '以天山中医医院为中心，牵头建立区域中医医联体', 'who'],
    ['长宁哪几个社区医院要创示范性社区康复中心？', '推动周桥、新华、华阳创建示范性社区康复中心', 'list'],
    ['继续教育主要靠哪几家单位来组织？', '依托区卫生健康事业发展中心、区医学会等单位', 'list'],
    // A body counted and then named (区卫生健康事业发展中心 is not counted here) still names it.
    ['由哪几个单位负责？', '由市卫生健康委、市财政局负责，成立2家指导中心', 'list'],
    // Not asked by count: any enumeration still holds a list.
    ['聚焦几大环节？分别是哪些？', '聚焦预约、挂号、候诊、缴费、检查五个环节', 'list'],
  ] as const)('%s: held by 「%s」', (question, text, slot) => {
    expect(holdsSlot(slot, text, question)).toBe(true);
  });
});

describe('holdsSlot: a list that names the kind of its items is held by a sentence about that kind', () => {
  it.each([
    ['普陀临床特色专科项目的申报条件有哪些？', '开展临床特色专科专病项目申报和评审工作'],
    ['区域性医疗中心认定挂牌要满足哪些评估指标？', '年底完成区域性医疗中心认定挂牌'],
    ['限制类医疗技术备案要交哪些材料？', '加强限制类医疗技术备案管理'],
    // conditions referred to, not stated
    ['医院申请开展自行研制体外诊断试剂试点，需要满足哪些条件？', '允许有条件的医院按照国家要求开展自行研制体外诊断试剂试点'],
    ['高水平医院想搞一院多区，要符合哪些条件才行？', '支持符合条件的高水平医院通过“一院多区”建设,定向放大优质医疗资源'],
  ])('%s: not held by 「%s」', (question, text) => {
    expect(holdsSlot('list', text, question)).toBe(false);
  });

  it.each([
    ['普陀对临床路径管理要提高哪些指标？', '推进临床路径管理，提高临床路径管理的入径率、完成率'],
    ['申报要满足哪些条件？', '申报单位应符合以下条件：具有独立法人资格'],
    ['备案要交哪些材料？', '按要求提交备案材料、技术评估报告'],
  ])('%s: held by 「%s」', (question, text) => {
    expect(holdsSlot('list', text, question)).toBe(true);
  });
});

describe('aboutOtherKind: a fact stated for other kinds of institution does not answer for the kind asked', () => {
  it.each([
    ['二级医院能不能自己评职称？', '探索在三级医院下放职称评审权限'],
    ['社区卫生服务中心的护士可以参加互联网+护理服务吗？', '鼓励二三级医疗机构护士通过多点执业参与互联网+护理服务'],
    ['社区医院要开发热门诊吗', '二级以上医院要规范设置发热门诊'],
    ['民营医院要参加绩效考核吗', '做好二级、三级公立医院绩效考核工作'],
    // 市级定点医院 are a kind of their own: a figure set for them is not one for 社区 or 二级医院
    ['那社区医院的重症床位要占总床位多少比例', '市级定点医院、区域性医疗中心的重症床位和可转换重症床位要达到总床位数的20%'],
    ['普通的二级医院重症床位要占多少', '市级定点医院、区域性医疗中心的重症床位和可转换重症床位要达到总床位数的20%'],
  ])('%s: 「%s」 is about another kind', (question, text) => {
    expect(aboutOtherKind(text, question)).toBe(true);
    expect(holdsPredicate(text, question)).toBe(false);
  });

  it.each([
    ['大医院要开发热门诊吗', '二级以上医院要规范设置发热门诊'], // 二级以上 covers 三级, 大医院 is 三级医院
    ['二级医院要提供儿科服务吗', '二级、三级公立综合医院均应提供儿科医疗服务'],
    ['社区要提供儿科服务吗', '医疗机构要提供儿科服务'], // no kind named: every kind
    ['发热门诊要开到几点', '二级以上医院要规范设置发热门诊'], // the question names no kind
    ['三级医院评审标准改了吗', '修订三级医院评审标准实施细则'],
    ['定点医院的重症床位要占多少', '市级定点医院、区域性医疗中心的重症床位和可转换重症床位要达到总床位数的20%'],
    ['重症床位要占总床位多少', '市级定点医院、区域性医疗中心的重症床位和可转换重症床位要达到总床位数的20%'], // no kind asked
  ])('%s: 「%s」 may answer', (question, text) => {
    expect(aboutOtherKind(text, question)).toBe(false);
  });
});

describe('holdsSlot: a date the question itself names is not the answer', () => {
  it('2022年度 does not answer when the 2022年度 results come out', () => {
    expect(holdsSlot('date', '做好2022年度二、三级公立医院绩效考核工作', '2022年度公立医院绩效考核结果什么时候公布？')).toBe(false);
  });
  it('another date still does', () => {
    expect(holdsSlot('date', '2023年底前完成2022年度绩效考核结果公布', '2022年度公立医院绩效考核结果什么时候公布？')).toBe(true);
  });
});

describe('holdsSlot: 局 is a bureau, not the 局 of 布局 or 格局', () => {
  it.each([
    ['加快医疗资源布局优化调整', false],
    ['形成分级诊疗新格局', false],
    ['由市医保局会同有关部门推进', true],
  ] as const)('who in 「%s」: %s', (text, held) => {
    expect(holdsSlot('who', text)).toBe(held);
  });
});

describe('holdsSlot: 办 is an office (区府办), not the 办 of 举办 or 承办', () => {
  it.each([
    ['四是举办首届长三角职业健康技能大赛和首次长三角化学灾害医学应急演练', false],
    ['由市教委承办', true],
    ['区府办牵头，各相关单位配合', true],
    ['支持社会办医规范发展', false], // 社会办医 is privately run care, not an office
  ] as const)('who in 「%s」: %s', (text, held) => {
    expect(holdsSlot('who', text)).toBe(held);
  });
});

describe('holdsSlot: which body does the work is not answered by bodies named as partners', () => {
  it.each([
    ['医疗纠纷人民调解委员会的主管部门是哪个？', '持续加强卫生、司法、高院、保监等部门的沟通配合，推动以人民调解为主的多条纠纷处理途径有效衔接', false],
    ['污水监测由哪家单位具体负责采样？', '加强与海关、民政、教育、水务等部门分工协同，规范开展病例、污水等综合监测', false],
    // must not fire: a body named as the doer; the partners asked themselves
    ['继续教育依托哪些单位开展？', '依托区卫生健康事业发展中心、区医学会等，开展护理、医疗、管理能力等多方面培训及继教工作', true],
    ['化解医疗纠纷要跟哪几个部门多沟通配合', '持续加强卫生、司法、高院、保监等部门的沟通配合', true],
    ['警医联动由哪个部门牵头？', '由区卫生健康委牵头，推进与公安部门的警医联动机制建设', true],
  ] as const)('%s in 「%s」: %s', (question, text, held) => {
    expect(holdsSlot('who', text, question)).toBe(held);
  });
});

describe('holdsSlot: which body does an act is answered by a body named as the doer, not one acted on', () => {
  it.each([
    // must fire: the bodies are what is evaluated, inspected or helped, or what the results go to
    ['公立医院高质量发展的绩效评价由哪家机构来评？', '开展公立医院高质量发展绩效评价,重点评价专科能力提升、科研成果转化等,评估结果应用于医院财政投入、薪酬总量核定等方面', false],
    ['普陀的大型医院巡查由哪个巡查组来执行？', '聚焦公立医院党建、行业作风建设、运行管理等情况，开展年度大型医院巡查，提升医院巡查工作效能', false],
    ['受援县医院达没达标，最后由哪个部门来验收？', '重点推动受援医院的医疗服务能力的提升，加强“五中心”、重点专科建设，促进受援医院达到县级医院标准', false],
    ['试点单位的跟踪评价委托哪家第三方评估机构承担？', '完善我市公立医院高质量发展指标评价体系，做好试点单位跟踪评价工作', false],
    ['绩效评价由哪家机构来打分', '优化公立医院绩效考核指标体系,重点考核医疗质量、运营效率,引导医院落实功能定位', false], // 落实 is not the act asked
    // must not fire: the body is the doer, after 由, 经, 依托 or 发挥, or before a verb of directing or of the act asked
    ['医院党建这块由哪个部门负责总牵头？', '建立健全各级党委统一领导,组织部门牵头抓总,卫生健康、教育、国资等部门具体负责', true],
    ['进口急需药品要经哪个部门批准？', '医疗机构因临床急需进口少量药品的,经国务院药品监管部门批准,可以进口', true],
    ['继续教育靠哪几家单位来组织？', '依托区卫生健康事业发展中心、区医学会等，开展护理、医疗、管理能力等多方面培训及继教工作', true],
    ['区域中医医联体由哪家医院牵头？', '以天山中医医院为中心，牵头建立区域中医医联体', true],
    ['城市医疗集团试点由哪一级医院发挥牵头作用？', '探索医疗集团内一体化管理，充分发挥区级医院的牵头作用', true],
    ['太极宣教由哪两家社区卫生服务中心开展？', '推动华阳、虹桥两家社区卫生服务中心开展太极健康宣教活动', true],
    ['长宁由哪几家社区中心来创建示范性社区康复中心？', '推动周桥、新华、华阳创建示范性社区康复中心', true], // short names before the verb asked
    ['肿瘤综合诊治中心由哪类医院来建立？', '支持综合性医院建立肿瘤综合诊治中心,实行全周期一体化管理', true],
    ['多中心研究支持哪类医院去牵头组织？', '支持三级医院与世界一流医疗机构、学术机构合作,组织和参与多中心研究', true], // the verb asked, later in the sentence
    ['危重病例由哪类医院负责收治？', '区域性医疗中心要做好重型、危重型病例收治准备,市级定点医院要做好危重型病例的收治准备', true], // a body before 要: the subject that must act
  ] as const)('%s in 「%s」: %s', (question, text, held) => {
    expect(holdsSlot('who', text, question)).toBe(held);
  });

  it.each([
    // not asked of a doer: whose it is, which ones, partners, a post
    ['新生儿大楼是哪家医院的', '推进复旦大学附属儿科医院新生儿大楼、上海儿童医学中心张江院区等重大项目建设'],
    ['国家试点医院是哪两家？', '以中山、瑞金两家高质量发展国家试点医院和全市40家试点单位为重点'],
    ['卫生设施规划是跟哪个局一起编的？', '会同市规划资源局完成《上海市卫生健康设施专项规划》编制'],
  ] as const)('a body in any place answers %s', (question, text) => {
    expect(holdsSlot('who', text, question)).toBe(true);
  });
});

describe('asksWhichBody: a who-question that asks which body, whose name the quote must give', () => {
  it.each([
    ['首届长三角职业健康技能大赛由哪个单位承办？', true],
    ['长三角耐药结核病协同防治中心放在哪家医院？', true],
    ['限制类技术备案要报到哪个部门去？', true],
    ['长宁下沉带教的片区牵头医院是哪几家？', true],
    ['长宁区中医药工作领导小组谁当组长？', true], // who holds a post: the post must be named
    // who acts, not which body: a plan's tasks fall to its issuer
    ['谁负责推进医院安检工作？', false],
    ['由谁牵头建设区域医疗中心', false],
    ['第六批援滇医疗队谁带队？', true], // who leads a group: a post, which must be named
    ['援滇医疗队由哪家医院带队', true],
    ['援滇医疗队由谁组建？', false],
    ['人才队伍由谁来带？', false], // 带 of a team built, not 带队
  ] as const)('%s: %s', (question, asks) => {
    expect(asksWhichBody(question)).toBe(asks);
  });

  it.each([
    ['医院设的患者体验部归哪个科室管？', '支持医院设立患者体验部,创建充满人文关怀的就医环境', false], // the unit the question names is no answer
    ['免陪照护服务试点放在医院哪个科室管？', '在区属医院开展免陪照护服务试点', false],
    ['发热门诊归哪个科室管', '发热门诊由感染科负责日常管理', true],
    ['投诉由医院哪个科室受理', '医院投诉由医务处统一受理', true],
  ] as const)('which department inside a hospital (哪个科室): a department named as such, %s / %s -> %s', (question, text, held) => {
    expect(holdsSlot('who', text, question)).toBe(held);
    expect(missingNoun('who', question)).toBe('科室');
  });

  it('what is said missing names the bodies asked: 单位名称, or the measure named (医院名称, 部门)', () => {
    expect(missingNoun('who', '首届长三角职业健康技能大赛由哪个单位承办？')).toBe('单位名称');
    expect(missingNoun('who', '长三角耐药结核病协同防治中心放在哪家医院？')).toBe('医院名称');
    expect(missingNoun('who', '限制类技术备案要报到哪个部门去？')).toBe('部门');
    expect(missingNoun('who', '谁负责推进医院安检工作？')).toBe('负责单位');
  });
});

describe('holdsSlot: a figure answers only the figure of the status and scope asked (figureStatus)', () => {
  const ALLIANCES = '在前期已建立21个专病医联体的基础上，推进房颤、甲状腺等疾病全专结合平台建设';
  const CENTRES = '力争到2025年，创建10家以上国家医学中心和国家区域医疗中心';
  const FLAGSHIP = '建设3－5家中西医结合旗舰医院';
  const STATIONS = '完成第三批20家中医药特色示范社区卫生服务站建设';
  it.each([
    // new asked, a figure marked done given: no answer; done asked: the answer
    ['长宁今年计划新增多少个专病医联体？', ALLIANCES, false],
    ['长宁之前已经建了多少个专病医联体？', ALLIANCES, true],
    ['专病医联体有多少个', ALLIANCES, true],
    // how many now, a target given: no answer; the target asked: the answer
    ['上海现在已经有几家国家医学中心了', CENTRES, false],
    ['截至目前建成了几家国家医学中心？', CENTRES, false],
    ['上海要创建几家国家医学中心', CENTRES, true],
    ['现在的目标是创建几家国家医学中心', CENTRES, true], // 目标: a plan asked, though 现在 is said
    // each one asked, a total given: no answer
    ['每个区得建几家中西医结合旗舰医院啊', FLAGSHIP, false],
    ['中西医结合旗舰医院要建几家', FLAGSHIP, true],
    ['每人每年补助多少钱', '按每人每年30元标准补助', true],
    // another batch than the one named: no answer; an ordinal counts nothing unless one is asked
    ['第一批中医特色示范服务站当时建了多少家', STATIONS, false],
    ['第三批中医特色示范服务站建多少家', STATIONS, true],
    ['目前示范服务站总共有多少家', '完成第三批中医药特色示范社区卫生服务站建设', false],
    ['援滇医疗队是第几批？', '组建第六批援滇医疗队', true],
    // 已经 with any verb asks what is done (已经挂牌了多少家), as 已经有 does
    ['这次新选之前，IDC医院已经挂牌了多少家', '遴选新的30家左右IDC医院挂牌', false],
    ['IDC医院已经挂牌了多少家', '已挂牌IDC医院20家', true],
    // how many bodies in all, a rate given (每, 各): no answer; the rate asked, or a total given: the answer
    ['目前全市一共有多少家区域性医疗中心？', '实现每30-50万人口配置一家区域性医疗中心', false],
    ['现在总共有几家社区卫生服务中心', '各街道（镇）设置1家社区卫生服务中心', false],
    ['区域性医疗中心按多少人口配一家', '实现每30-50万人口配置一家区域性医疗中心', true],
    // a rate per population is of what it counts
    ['社区卫生服务中心一般按多少人口设一个？', '实现每30-50万人口配置一家区域性医疗中心', false],
    ['急救分站按多少人口配一个', '实现每30-50万人口配置一家区域性医疗中心', false],
    ['区域医疗中心每多少万人口设一家', '实现每30-50万人口配置一家区域性医疗中心', true], // 区域医疗中心 names 医疗中心
    ['社区卫生服务中心按多少人口设置', '按照每3-5万人口设置1个社区卫生服务中心', true],
    ['多少人口配一个区域医疗中心啊', '实现每30-50万人口配置一家区域性医疗中心', true], // named after the words that ask
    ['这类中心按多少人口配置一家？', '实现每30-50万人口配置一家区域性医疗中心', true], // pointed back at: not told apart
    ['区域性医疗中心目前一共有多少家', '本市现有区域性医疗中心36家', true],
    ['目前各类医疗机构一共有多少家', '全市各类医疗机构共6000家', true], // 各类 is no rate
    ['按人口配置标准，全市区域性医疗中心总共要建成多少家？', '实现每30-50万人口配置一家区域性医疗中心', false], // a total planned, a rate given
    // how many bodies added, a rate given: no answer; a count of those added, or a rate asked for each: the answer
    ['今年全市还要新补几家区域性医疗中心啊', '实现每30-50万人口配置一家区域性医疗中心', false],
    ['社区卫生服务中心今年新增几家', '各街道（镇）设置1家社区卫生服务中心', false],
    ['区域性医疗中心再建几家', '实现每30-50万人口配置一家区域性医疗中心', false],
    ['今年新建多少家示范性社区康复中心', '建设第三批20家示范性社区康复中心', true],
    ['每个街道新增几家社区卫生服务中心', '各街道（镇）设置1家社区卫生服务中心', true], // the figure for each asked: the rate answers
    // the total asked, a figure of those added given: no answer; the added asked: the answer
    ['2023年全市园区（楼宇）健康服务点的总数是多少？', '配合新建改建20个园区（楼宇）健康服务点、升级优化50个健康服务点功能', false],
    ['今年新建改建多少个园区健康服务点', '配合新建改建20个园区（楼宇）健康服务点、升级优化50个健康服务点功能', true],
    ['专病医联体一共有多少个', '在前期已建立21个专病医联体的基础上', true],
  ] as const)('%s in 「%s」: %s', (question, text, held) => {
    expect(holdsSlot('figure', text, question)).toBe(held);
  });
});

describe('leftOut: the members a figure question leaves out', () => {
  it.each([
    ['实施方案中国家区域医疗中心（不含国家医学中心）的创建目标具体是几家？', ['国家医学中心']],
    ['国家区域医疗中心单算的话要搞几家啊？不算国家医学中心那种', ['国家医学中心']],
    ['不含可转换重症床位的话，实有重症床位应占总床位的多少？', ['可转换重症床位']],
    ['刨掉中医类的还要建几家啊？', ['中医']],
    ['今年新挂牌的那批IDC医院，刨去市级医院还剩几家？', ['市级医院']],
    ['不是区域性医疗中心的普通区级医院，重症床位应占总床位的比例是多少？', ['区域性医疗中心']],
    ['市级定点医院和区域性医疗中心以外的其他医院，重症床位占比要求是多少？', ['市级定点医院', '区域性医疗中心']],
    // must not fire: 算不算, 含不含, 是不是 ask yes or no; 除了 asks what else there is
    ['中医类的算不算在内？', []],
    ['是不是每个进医院的人都得过安检', []],
    ['除了两家国家试点医院，本市列为试点的单位总共有多少家？', []],
    ['重症床位连可转换的一起算，得占总床位多少？', []],
  ] as const)('%s → %j', (question, members) => {
    expect(leftOut(question)).toEqual(members);
  });
});

describe('holdsSlot: a figure that counts a member the question leaves out together with the rest is not the figure of the rest', () => {
  const CENTRES = '创建10家以上国家医学中心和国家区域医疗中心(含中医),打造医学研究高峰';
  const ICU = '市级定点医院、区域性医疗中心的重症床位和可转换重症床位要达到总床位数的20%';
  const OCCUPATIONAL = '成立2家职业病危害工程防护指导中心和3个行业分中心';
  it.each([
    ['国家区域医疗中心（不含国家医学中心）的创建目标是几家？', CENTRES, false],
    ['不含可转换重症床位的话，实有重症床位应占总床位的多少？', ICU, false],
    ['不是区域性医疗中心的普通区级医院，重症床位应占总床位的比例是多少？', ICU, false],
    // must not fire: the member left out has a count of its own; the clause itself leaves it out; nothing is left out
    ['不算行业分中心，职业病危害工程防护指导中心要成立几家？', OCCUPATIONAL, true],
    ['国家区域医疗中心（不含中医类）要建几家？', '创建8家国家区域医疗中心(不含中医)', true],
    ['国家医学中心和国家区域医疗中心一共要建几家？', CENTRES, true],
    ['重症床位连可转换的一起算，得占总床位多少？', ICU, true],
    ['不是区域性医疗中心的医院，IDC医院要挂牌几家？', '遴选新的30家左右IDC医院挂牌', true], // the member is not in the figure's clause
  ] as const)('%s in 「%s」: %s', (question, text, held) => {
    expect(holdsSlot('figure', text, question)).toBe(held);
  });
});

describe('partAsked and holdsSlot: the part of a whole asked is answered only by a figure said of that part', () => {
  it.each([
    ['高质量发展那批试点单位里头，中医院占几家', '中医院'],
    ['长宁区已建成的21个专病医联体中，由同仁医院牵头的有几个？', '医院牵头'],
    ['其中分给科研人员个人的比例是多少？', '人员个人'],
    ['中医药特色示范站那30家里头，村卫生室占几家？', '村卫生室'],
    ['其中入选试点的社区卫生服务中心是多少家？', '服务中心'],
    // must not fire: 中 of 建设中 or of a set the asker does not count; no part before 占/有/是
    ['长宁区中医医联体建设中，基层中医药人才的培养目标是多少名？', undefined],
    ['公立医院高质量发展试点单位中，社区卫生服务中心有几家？', undefined],
    ['其中健康服务点要升级多少个', undefined],
  ] as const)('%s → %s', (question, part) => {
    expect(partAsked(question)).toBe(part);
  });
  const PILOTS = '以中山、瑞金两家高质量发展国家试点医院和全市40家试点单位为重点';
  const TIERS = '包括高水平医院10家、示范型区域性医疗中心10家、高水平社区卫生服务中心20家';
  it.each([
    ['高质量发展那批试点单位里头，中医院占几家', PILOTS, false],
    ['那40家试点单位里头，社区卫生服务中心占几家', TIERS, true],
    ['其中区域性医疗中心占几家？', TIERS, true],
    ['其中入选试点的社区卫生服务中心是多少家？', TIERS, true],
    ['其中新建的有几个？', '配合新建改建20个园区（楼宇）健康服务点、升级优化50个健康服务点功能', true], // 新建 is named beside 20个
  ] as const)('%s in 「%s」: %s', (question, text, held) => {
    expect(holdsSlot('figure', text, question)).toBe(held);
  });
  it('each of two asked by their share (各要占总床位百分之几) is answered by a share for each, not one for both', () => {
    const question = '定点医院的重症床和能转成重症的床，各要占总床位百分之几';
    expect(asksCountsEach(question)).toBe(true);
    expect(holdsSlot('figure', '市级定点医院、区域性医疗中心的重症床位和可转换重症床位要达到总床位数的20%', question)).toBe(false);
  });
});

describe('asksComparison and holdsSlot: which of two is more is answered only by a figure of each side', () => {
  it.each([
    ['长宁跟普陀比哪个区的专病医联体多', true],
    ['长宁和普陀比，哪个区的专病医联体更多？', true],
    ['咱长宁专病医联体有21个，跟普陀比算多还是少', true],
    ['普陀现在重症床位占比跟市里要求的20%比，高了还是低了？', true],
    ['中西医结合旗舰医院跟高水平中医特色专科医院，哪个要建得多？', true],
    // must not fire: which one by name (哪两家大医院), how many (多少), a difference asked (多了几个)
    ['国家级的高质量发展试点是哪两家大医院？', false],
    ['长宁哪家医院在冲最高等级的综合医院？', false],
    ['哪个区的专病医联体有多少个？', false],
    ['长宁的专病医联体比去年多了几个？', false],
  ] as const)('%s: %s', (question, asks) => {
    expect(asksComparison(question)).toBe(asks);
  });
  it.each([
    ['长宁跟普陀比哪个区的专病医联体多', '在前期已建立21个专病医联体的基础上，推进房颤、甲状腺等疾病全专结合平台建设', false],
    ['健康服务点是新建改建的多，还是升级优化的多？', '配合新建改建20个园区（楼宇）健康服务点、升级优化50个健康服务点功能', true],
    ['公立医院医生和护士哪一方应配得更多？', '逐步使医护比总体提到1∶2左右', true], // a ratio gives both sides
    ['长宁区目前的医护比与全市1:2左右的目标相比，是高还是低？', '逐步使医护比总体提到1∶2左右', false], // the side the question states
  ] as const)('%s in 「%s」: %s', (question, text, held) => {
    expect(holdsSlot('figure', text, question)).toBe(held);
  });
});

describe('holdsSlot: which department is answered by an administrative body, not a hospital', () => {
  it.each([
    ['医院自行研制体外诊断试剂，需要经过哪个部门批准？', '允许有条件的医院按照国家要求开展自行研制体外诊断试剂试点', false],
    ['这事归哪个部门管', '二级以上医院要规范设置发热门诊', false],
    ['卫健委跟哪个部门一起抓医院安防？', '会同公安机关加强对医院安防系统建设的指导', true],
    ['主管部门是谁', '由市卫生健康委牵头负责', true],
    ['哪个部门负责', '区医保局负责落实', true],
  ])('%s in 「%s」: %s', (question, text, held) => {
    expect(holdsSlot('who', text, question)).toBe(held);
  });
});

describe("data/institution-kinds.json speaks the documents' words", () => {
  const seeds = readdirSync(CORPUS_DIR)
    .map((f) => readFileSync(join(CORPUS_DIR, f), 'utf8'))
    .join('\n')
    .normalize('NFKC')
    .replace(/\s+/g, '');
  it.each(kinds.kinds.map((k) => [k.kind, k.names] as const))('the kind %s is named in seeds/', (_kind, names) => {
    expect(names.some((n) => new RegExp(n, 'u').test(seeds))).toBe(true);
  });
  it.each(kinds.covers.map((c) => [c.kinds.join('+'), c.words] as const))('the words covering %s occur in seeds/', (_kinds, words) => {
    expect(words.some((w) => new RegExp(w, 'u').test(seeds))).toBe(true);
  });
});

describe('kindAsked: the kind whose members a list question asks', () => {
  it.each([
    ['限制类技术备案要交哪些材料啊', '材料'],
    ['医生执业都有啥保险？', '保险'],
    ['重点筛的是哪几种慢病？', '慢病'],
    ['入选的学科具体包括什么？', '入选学科'],
    ['长宁区中医药工作领导小组的成员单位有哪些？', '成员单位'],
    ['普陀区级质控组织覆盖的临床专业分别有哪些？', '临床专业'], // 分别有哪些 asks the members as 有哪些 does
    ['立项的是哪些专科，能给个清单吗', '专科'],
    ['2024年上海市卫生健康工作要点和2023年比有哪些新变化？', '新变化'], // changes between documents are not work a plan arranges (做法, 进展)
    ['今年质控中心说要新增调整，新加的是哪几个专业的质控中心？', '专业'], // which ones, by what they belong to
    ['职业病防护那些行业分中心要建几个，都是哪些行业的', '行业'], // 的 closing the question, not a clause whose noun is left out
    ['公立医院引进的人才要满足哪些条件，才算得上高层次人才？', '条件'], // 哪些条件: conditions, not 哪些条 (which points)
    ['市里要大医院去争的国家医学中心，都是哪些科的', '科'],
  ])('%s -> %s', (question, kind) => {
    expect(kindAsked(question)).toBe(kind);
  });

  it.each([
    ['长宁今年护理有哪些安排？'], // a list filler: what is done
    ['高质量发展方案在组织实施上有哪些保障措施？'],
    ['普陀对老人看病没人陪这种情况有啥新做法吗'], // an activity noun
    ['医患闹矛盾了，全市靠哪些途径来化解？'], // more than a noun before the end of the clause
    ['方案里描述的“未来智慧医院”有哪些特征？'], // an abstract noun: a quality, not a kind with members
    ['公立医院现代化管理这块，方案里提了哪几条？'], // a measure word alone counts points
    ['方案里对特需医疗是怎么说的？哪几处提到了'], // 处 counts places in the text
    ['2023年卫生健康工作要点里跟中医药相关的都有啥？'], // relates, names no kind
    ['医政那份要点里郊区的医疗资源怎么补，有哪些说法'], // what is said
    ['今年给医院定级的规则有哪些调整？'], // what is changed
    ['重大传染病救治体系方面，普陀今年要补强哪些能力？'], // a capacity, not a kind with members
    ['长宁今年在哪些方面的工作上有新安排？'], // 方面的工作: what is done, by what it belongs to
    ['普陀2025年度的公立医院绩效考核考哪些医院？'], // bodies: the who slot reads them by name
    ['普陀25年要点哪几条提到康复'], // which points: the words after 哪几条 relate, they name no kind
    ['普陀要点里说到医联体的有哪几条'], // which points, described by what they mention
    ['医联体的事都在哪几条提了'],
    ['市卫健工作要点里中医药方面都有哪些活'], // 活: the colloquial word for 工作
    ['长宁今年给同仁医院派了哪些活儿'],
    ['涉及医联体建设的内容分布在哪些条目？'], // 条目, 地方: the document's points
    ['市医政要点里凡是提到区域性医疗中心的都有哪些？'], // …的都有哪些: the noun left out, what is said or done
    ['公立医院高质量发展那个方案里，改善病人看病感受的都有哪些'],
    ['长宁区要求社区卫生服务中心打造的三大功能分别是什么？'], // 分别是: the items a count names, not the members of a kind
  ])('%s -> no kind asked', (question) => {
    expect(kindAsked(question)).toBeUndefined();
  });

  it.each([
    ['文件里老提五个新城，具体是哪五个？', '新城'],
    ['三个中心是哪三个', '中心'],
  ])('the kind the question counts by the number it asks (%s -> %s)', (question, kind) => {
    expect(kindAsked(question)).toBe(kind);
  });

  it('must not: another number (五个新城…哪三个) names no kind', () => {
    expect(kindAsked('五个新城里重点建哪三个？')).toBeUndefined();
  });

  it('a measure word after the question word leaves the kind to the words before it (重点传染病有哪几种 -> 传染病)', () => {
    expect(kindAsked('重点传染病有哪几种？')).toContain('传染病');
  });
});

describe('enumeratesKind and holdsSlot: the members of a kind asked are given only by an enumeration of that kind', () => {
  it('items that end in a character of the kind, or closed by 等 and the kind', () => {
    expect(enumeratesKind('完善医疗执业险、医疗意外伤害险和医疗责任险,保障医务人员合法权益', '保险')).toBe(true);
    expect(enumeratesKind('推进市级医院创建肿瘤、内分泌、心血管等专科类以及综合类等国家医学中心', '专科类别')).toBe(true);
    expect(enumeratesKind('加大对云南、青海、西藏等地重点帮扶县医院帮扶力度', '地')).toBe(true);
  });

  it('must not: kinds side by side are not the members of one of them; clauses are not an enumeration', () => {
    expect(enumeratesKind('动态完善发布本市卫生健康部门权责清单、许可清单、证明事项清单，推进改革', '证明事项')).toBe(false);
    expect(enumeratesKind('在保障医疗质量安全的前提下，继续支持医疗机构创新诊疗技术，提升服务能级，完善限制类医疗技术目录管理', '技术')).toBe(false);
  });

  it('holdsSlot: a list of several clauses holds a list of what is done, not the members of a kind', () => {
    const clauses = '在保障医疗质量安全的前提下，继续支持医疗机构创新诊疗技术，提升服务能级，完善限制类医疗技术目录管理，持续做好医疗技术临床应用监管。';
    expect(holdsSlot('list', clauses, '医疗技术这块有哪些要求')).toBe(true);
    expect(holdsSlot('list', clauses, '限制类医疗技术目录里现在都有哪些技术？')).toBe(false);
    expect(holdsSlot('list', '完善医疗执业险、医疗意外伤害险和医疗责任险,保障医务人员合法权益。', '医生执业都有啥保险？')).toBe(true);
  });
});

describe('holdsSlot: names counted as another number than the bodies asked are the names of another set', () => {
  const PILOTS = '以中山、瑞金两家高质量发展国家试点医院和全市40家试点单位为重点';
  it.each([
    ['全市40家公立医院高质量发展试点单位的具体名单是什么？', false], // 中山、瑞金 are the two national pilots, not the 40
    ['那2家高质量发展国家试点医院都是哪些医院？', true],
    ['国家试点医院是哪两家？', true], // no count asked beside 哪两家: the names answer
  ] as const)('%s: %s', (question, held) => {
    expect(holdsSlot('who', PILOTS, question)).toBe(held);
  });
});

describe('name: what a thing is called is given by a name quoted or given as such, or for a body, a body named as such', () => {
  it.each([
    ['本市在全国率先推出的省级健康教育频道叫什么名称？', '三是在全国率先推出省级健康教育频道，开展健康科普优秀成果和典型人物选树活动', false],
    ['普陀要搞的那个医疗质量管理大模型叫啥名', '探索医学人工智能在医疗行业管理方面的应用，探索建立医疗质量管理大模型', false],
    ['护士节活动的主题是啥', '开展5.12国际护士节活动，宣扬护理工作者典型事迹', false],
    ['普陀那个主题活动的主题是什么', '推进“改善就医感受，提升患者体验”主题活动，聚焦五大环节', true],
    ['里面提到要试点的那个服务叫啥？', '开展“免陪照护服务”试点', true],
    ['那个主题活动叫什么', '开展“改善就医感受、提升患者体验”主题活动', true],
    ['普陀今年要投入使用的新院区叫什么名字？', '加快推进区康复医院、区精神卫生中心桃浦院区投入使用', true],
    ['那个平台叫啥', '建设上海市传染病临床诊治中心（IDC）为基础的三级救治网络', true], // a Latin-letter name
    ['那个服务叫啥', '加快推进区康复医院建设', false], // a body named, but no body's name asked
  ] as const)('%s in 「%s」: %s', (question, text, held) => {
    expect(holdsSlot('name', text, question)).toBe(held);
  });
});

describe('who: 中心 names a body, not the 多中心 of a study run at several sites', () => {
  it.each([
    ['探索对多中心临床研究实行伦理审查结果互认', false],
    ['组织和参与多中心研究', false],
    ['依托市疾控中心开展监测', true],
    ['由区卫生健康事业发展中心牵头', true],
  ] as const)('%s: %s', (text, held) => {
    expect(holdsSlot('who', text, '由哪个机构牵头组织？')).toBe(held);
  });
});

describe('asksNames and holdsSlot: bodies asked by name are answered by names, not by a kind counted', () => {
  it.each([
    ['新挂牌的那30来家IDC医院有名单吗，都是哪些医院？'],
    ['拟成立的2家职业病危害工程防护指导中心分别设在哪些单位？'],
    ['首批示范型区域性医疗中心试点的10家单位分别是哪些医院？'],
    ['三级医院下放职称评审权限试点的医院名单是什么？'],
    // a count asked, then which ones (a follow-up is searched with the earlier question after it)
    ['具体是哪些医院？ 《2023年上海市医政医管工作要点》中，新遴选挂牌的IDC医院大约有多少家？'],
    ['新遴选的IDC医院有多少家，都是哪些'],
    ['整治回扣的“1+7”文件，那7个配套文件都叫啥？'], // 叫啥 as 叫什么
  ])('%s asks names', (question) => {
    expect(asksNames(question)).toBe(true);
  });

  it.each([
    ['普陀区要求哪些医院必须提供儿科医疗服务？'],
    ['哪些单位负责医疗废物监管'],
    ['今年要新建几家区域性医疗中心'],
    ['长三角这块，上海在外地合作建的医院有哪几家？'],
    ['有多少家庭医生签约了，都是哪些社区'], // 多少家庭 counts no bodies
    ['多少家属可以陪护，哪些病房'],
  ])('must not: %s (a kind may answer, or a count is asked)', (question) => {
    expect(asksNames(question)).toBe(false);
  });

  it.each([
    ['list', '新挂牌的那30来家IDC医院有名单吗，都是哪些医院？', '遴选新的30家左右IDC医院挂牌；结合医疗资源布局、人口分布等因素，再补点若干区域性医疗中心建设单位'],
    ['who', '拟成立的2家职业病危害工程防护指导中心分别设在哪些单位？', '设立本市职业病专科医疗联合体，成立2家职业病危害工程防护指导中心和若干行业分中心，建设本市职业健康保护数字展示馆'],
    ['who', '三级医院下放职称评审权限试点的医院名单是什么？', '稳慎开展三级医院下放职称评审权限试点,对引进高层次人才实行灵活的职称评审机制'],
    // hospitals asked: other bodies named are not the hospitals
    ['who', '中西医结合旗舰医院是哪几家，有名单吗', '加快推进国家医学中心（中医类）、国家中医药传承创新中心、国家和市级中西医结合旗舰医院等重大项目建设'],
    ['list', '中西医结合旗舰医院是哪几家，有名单吗', '加快推进国家医学中心（中医类）、国家中医药传承创新中心、国家和市级中西医结合旗舰医院等重大项目建设'], // as a list: the same
    ['list', '具体是哪些医院？ 《2023年上海市医政医管工作要点》中，新遴选挂牌的IDC医院大约有多少家？', '遴选新的30家左右IDC医院挂牌'],
  ] as const)('%s %s: not held by a kind counted or named (「%s」)', (slot, question, text) => {
    expect(holdsSlot(slot, text, question)).toBe(false);
  });

  it.each([
    ['list', '那2家高质量发展国家试点医院都是哪些医院？', '以中山、瑞金两家高质量发展国家试点医院和全市40家试点单位为重点'],
    ['who', '两家中心分别设在哪些单位', '依托区卫生健康事业发展中心、区医学会等单位'],
    ['who', '这项试点的医院名单是什么', '推动华阳、虹桥两家社区卫生服务中心开展太极健康宣教活动'],
    ['who', '牵头的那2家医院名单是什么', '由天山中医医院牵头，同仁医院参与'],
  ] as const)('%s %s: held by names (「%s」)', (slot, question, text) => {
    expect(holdsSlot(slot, text, question)).toBe(true);
  });

  it('哪些医院 without a count is answered as who is: by a kind of institution (二级、三级公立综合医院), not by clauses naming no body', () => {
    expect(holdsSlot('list', '二级、三级公立综合医院均应提供儿科医疗服务，社区卫生服务中心进一步强化社区儿科诊疗服务能力', '普陀区要求哪些医院必须提供儿科医疗服务？')).toBe(true);
    expect(holdsSlot('list', '全面推进互联网诊疗服务，优化线上复诊流程，提升服务能级', '哪些医院要开展互联网诊疗？')).toBe(false);
    // some hospitals (部分市级医院) do not say which; bodies that are no hospital do not answer which hospitals
    expect(holdsSlot('list', '依托部分市级医院，打造一批国内领先、国际知名、特色鲜明的医疗中心，争取更多的国家医学中心落地上海', '上海目前已获批建设的国家医学中心有哪些医院？')).toBe(false);
    expect(holdsSlot('list', '市级医疗机构、区域性医疗中心应当全面开展“互联网+诊疗”服务', '哪些医疗机构应当全面开展互联网+诊疗服务？')).toBe(true);
  });

  it.each([['今年新遴选挂牌的IDC医院具体是哪些医院？'], ['收治危重病例的市级定点医院，具体是哪些医院'], ['新挂牌的定点医院都是哪些医院']])(
    '%s asks names: a kind of hospital named, then which hospitals',
    (question) => {
      expect(asksNames(question)).toBe(true);
    },
  );

  it.each([['自行研制体外诊断试剂的试点医院有哪些？'], ['IDC医院都有哪些'], ['那批定点医院具体是哪些，有名单没']])('%s asks names: a kind of hospital, then which ones it is', (question) => {
    expect(asksNames(question)).toBe(true);
  });

  it.each([['三级医院下放职称评审权限的试点选在了哪些医院？'], ['投诉举报处理标杆点选了哪些医院'], ['挑了哪几家社区中心']])('%s asks names: which ones were chosen', (question) => {
    expect(asksNames(question)).toBe(true);
  });

  it.each([['试点都选了哪几类单位'], ['市卫健委信访工作要评选哪些“十佳”？'], ['选了哪些种类的医院']])('must not: %s (kinds chosen, or what an award selects)', (question) => {
    expect(asksNames(question)).toBe(false);
  });

  it.each([['长宁计划里天山中医医院的任务有哪些？'], ['涉及院前急救与医院急诊衔接的要求有哪些？'], ['试点医院有哪些要求'], ['公立医院有哪些']])(
    'must not: %s (what the hospitals have or do, or a generic word)',
    (question) => {
      expect(asksNames(question)).toBe(false);
    },
  );

  it.each([['普陀2025年度的公立医院绩效考核考哪些医院？'], ['哪些医院要开展互联网诊疗？'], ['综合医院有哪些医院要设发热门诊']])('must not: %s (a generic word, or no kind named)', (question) => {
    expect(asksNames(question)).toBe(false);
  });

  it('哪些医院 of a kind named (IDC医院) is answered by names, not by the kind; a narrower kind answers a generic word (区属公立医院 for 公立医院)', () => {
    expect(holdsSlot('list', '遴选新的30家左右IDC医院挂牌，再补点若干区域性医疗中心建设单位', '今年新遴选挂牌的IDC医院具体是哪些医院？')).toBe(false);
    expect(holdsSlot('list', '遴选新的30家左右定点医院挂牌', '新挂牌的定点医院都是哪些医院')).toBe(false);
    // must not: hospitals the question does not name answer it
    expect(holdsSlot('list', '由同仁医院、天山中医医院承担IDC医院建设任务', '今年新遴选挂牌的IDC医院具体是哪些医院？')).toBe(true);
    expect(holdsSlot('list', '对区属公立医院开展年度绩效考核', '普陀2025年度的公立医院绩效考核考哪些医院？')).toBe(true);
  });
});

describe('asksWhatIsDone: a list of what is done or said, not the members of a kind', () => {
  it.each([['看病收费定价跟医保怎么付钱，高质量发展方案里有啥改革？'], ['普陀对区里的区域医疗中心有啥要求'], ['长宁今年护理有哪些安排？'], ['普陀对老人看病没人陪这种情况有啥新做法吗']])(
    '%s',
    (question) => {
      expect(asksWhatIsDone(question)).toBe(true);
    },
  );

  it.each([['普陀要把哪些医疗资源往社区下沉？'], ['医生执业都有啥保险？'], ['方案在总体思路和目标上是如何表述的']])('must not: %s', (question) => {
    expect(asksWhatIsDone(question)).toBe(false);
  });
});

describe('holdsSlot: 哪几个 before a kind that is no body nor place asks its members, not names', () => {
  it('哪几个病 is held by diseases enumerated (房颤、甲状腺等疾病), though no body is named', () => {
    expect(holdsSlot('list', '推进房颤、甲状腺等疾病全专结合平台建设', '长宁要搞全专结合平台的是哪几个病')).toBe(true);
  });

  it('哪几个专业 is not held by a body named (质控中心) when no specialty is enumerated', () => {
    expect(holdsSlot('list', '加强质控中心动态管理，新增或调整部分专业质控中心', '今年新增的专业质控中心是哪几个专业？')).toBe(false);
  });

  it('must not change: 哪几个单位, 哪几个社区 still ask names', () => {
    expect(holdsSlot('list', '由市卫生健康委、市财政局负责，成立2家指导中心', '由哪几个单位负责？')).toBe(true);
    expect(holdsSlot('list', '推动周桥、新华、华阳社区卫生服务中心创建示范站', '是哪几个社区？')).toBe(true);
    expect(holdsSlot('list', '成立2家职业病危害工程防护指导中心', '是哪几个社区？')).toBe(false);
  });
});

describe("holdsPredicate with the documents' words: two-character words the segmenter missed inside colloquial runs count", () => {
  const corpusText = seedCorpus()
    .passages.map((p) => p.text)
    .join('');
  const known = (word: string) => corpusText.includes(word);

  it.each([
    ['坐救护车能直接刷医保吗？', '推进郊区120救护车医保车上移动支付，实现院前急救医保结算全覆盖'], // 刷医保 → 医保
    ['急诊要备后备人手吗？', '做好院内人员应急动员与培训工作，编组后备队伍，动态储备各类治疗药物'], // 备后备人手 → 后备
  ])("%s: held by 「%s」 with the documents' words, not without", (question, text) => {
    expect(holdsPredicate(text, question, known)).toBe(true);
    expect(holdsPredicate(text, question)).toBe(false);
  });

  it.each([
    ['免陪照护病人要另外付钱吗', '开展“免陪照护服务”试点'],
    ['救护车上能直接刷医保吗', '加强院前急救体系建设，优化急救站点布局'],
  ])('must not: %s is not held by 「%s」', (question, text) => {
    expect(holdsPredicate(text, question, known)).toBe(false);
  });
});

describe('contentsAsked and holdsSlot: what a named standard, list or rule set holds is given only with its name', () => {
  it.each([
    ['示范区的创建标准具体包括哪些内容？', ['示范区的创建标准']],
    ['证明事项清单里都有啥', ['证明事项清单']],
    ['九不准和十项不得，具体都是哪几条？', ['九不准', '十项不得']],
    ['那个“九项准则”是哪九项啊', ['九项准则']],
    ['院感防控制度主要包括什么', ['院感防控制度']],
    ['护理质量改进目标有哪些', ['护理质量改进目标']],
    ['国家医疗质量安全改进目标（2021到2023年的）具体包括哪些', ['国家医疗质量安全改进目标']], // an aside in brackets after the name
    ['《2023年各专业质控工作改进目标》具体包括哪些改进目标？', ['2023年各专业质控工作改进目标']], // the name in title marks
    ['多维度病种组合评价指标体系，包括哪些具体指标？', ['多维度病种组合评价指标体系']], // an indicator system: its indicators
    // what a standard checks or a list sets out, asked with the verb staff use for it
    ['基层中医药工作示范区创建标准具体都考核些啥', ['基层中医药工作示范区创建标准']],
    ['医院评审标准主要查些什么', ['医院评审标准']],
    ['那个权责清单都列了哪些', ['权责清单']],
    // a document the seed documents cite by title: what it holds, asked with any question word within a dozen characters
    ['依法执业自查管理办法里要求医院怎么自查、查些什么？', ['依法执业自查管理办法']],
    ['卫生设施专项规划（2022-2035年）主要规划了些什么？', ['卫生设施专项规划']], // the years in brackets left out
    ['中医药综合改革示范区建设方案里定的改革任务，都有哪些？', ['中医药综合改革示范区建设方案']],
    ['《上海市卫生健康发展“十四五”规划》主要讲了啥？', ['上海市卫生健康发展十四五规划']],
  ])('%s asks the contents of %j', (question, names) => {
    expect(contentsAsked(question)).toEqual(names);
    expect(missingNoun('list', question)).toBe('内容');
  });

  it.each([
    ['要动态更新发布的是哪几张清单？'], // the members of a kind, 清单
    ['对区属医院监测评价哪些内容？'], // no set named
    ['绩效评价重点评价哪些方面'],
    ['今年的工作要点有哪些'], // the document itself
    ['示范区建设方案出台后，市里有哪些举措？'], // the city's measures, asked after a comma: not the plan's contents
    ['高质量发展方案里对老年人健康服务是怎么说的？'], // a seed document itself (方案 alone ends no cited title)
    ['明确要修订的管理办法或推进立法的事项有哪些？'], // a kind of document qualified with 的: which ones, not what one holds
    ['这个文件里都有啥'],
    ['实施方案有哪些任务'],
    ['改善就医感受要抓哪五个环节？'],
    ['绩效考核考些啥'], // no set named
    ['标准化建设要考核哪些医院'], // 标准 inside another word
  ])('must not: %s', (question) => {
    expect(contentsAsked(question)).toBeUndefined();
  });

  it.each([
    ['九项准则包括：合法按劳取酬、廉洁从业、不收受回扣', true],
    ['证明事项清单主要包括出生证明、健康证明和执业证明', true],
    ['严格落实不收红包、不开单提成、不接受宴请等九项准则', true],
    ['根据示范区创建标准，组织相关单位加快落实各项创建工作', false], // names it, no items
    ['动态完善发布权责清单、许可清单、证明事项清单，推进相关领域改革', false], // the lists side by side
    ['以《2021年、2022年和2023年国家医疗质量安全改进目标》为指引，推进目标管理', false], // years that date the name
  ])('%s → %s', (text, given) => {
    const question = text.includes('目标')
      ? '改进目标具体包括哪些目标'
      : text.includes('准则')
        ? '九项准则具体是哪几条'
        : text.includes('证明事项清单')
          ? '证明事项清单里都有啥'
          : '示范区的创建标准包括哪些内容';
    expect(givesContents(text, contentsAsked(question)!)).toBe(given);
    expect(holdsSlot('list', text, question)).toBe(given);
  });

  it('the members of a set the question counts (那21个专病医联体都有哪些) are given only with the set: not by a restated count beside items of something else', () => {
    expect(contentsAsked('长宁之前建的那21个专病医联体都有哪些？')).toEqual(['专病医联体']);
    expect(contentsAsked('那21个专病医联体，都是哪些病种啊')).toEqual(['专病医联体']);
    expect(contentsAsked('试点的3类改革项目分别是哪些')).toEqual(['改革项目']);
    // asked with the verb that ties the members to the set, or with 啥
    expect(contentsAsked('长宁区此前已建立的21个专病医联体分别针对哪些病种？')).toEqual(['专病医联体']);
    expect(contentsAsked('已有的21个专病医联体，覆盖的是哪些具体病种？')).toEqual(['专病医联体']); // the verb, then 的是
    expect(contentsAsked('整治回扣那个“1+7”，7个文件分别是啥？')).toEqual(['文件']);
    expect(holdsSlot('list', '持续贯彻落实本市整治医药产品回扣“1+7”系列文件，加强九项准则宣贯', '整治回扣那个“1+7”，7个文件分别是啥？')).toBe(false);
    expect(contentsAsked('要建的2个中心是干什么的')).toBeUndefined();
    // must not: counted bodies ask names (the names path), and 哪五个 is a count asked again (kindAsked)
    expect(contentsAsked('全市40家试点单位都是哪些医院')).toBeUndefined();
    expect(contentsAsked('今年要建的3个中心都有哪些')).toBeUndefined();
    expect(contentsAsked('五个新城，具体是哪五个')).toBeUndefined();
    // 是指, 指的是: what a counted set stands for
    expect(contentsAsked('这五个新城具体是指哪几个地方？')).toEqual(['新城']);
    expect(contentsAsked('3类改革项目指的是哪些')).toEqual(['改革项目']);
    expect(holdsSlot('list', '加快推进市级优质资源向“五个新城”及金山、崇明等远郊扩容下沉', '这五个新城具体是指哪几个地方？')).toBe(false);
    const question = '长宁之前建的那21个专病医联体都有哪些？';
    expect(holdsSlot('list', '在前期已建立21个专病医联体的基础上，推进房颤、甲状腺等疾病全专结合平台建设', question)).toBe(false);
    expect(holdsSlot('list', '已建立心衰、房颤、卒中、糖尿病等21个专病医联体', question)).toBe(true);
    expect(givesContents('推进嘉定、青浦、松江、奉贤、南汇五个新城医疗资源配置', ['新城'])).toBe(true);
  });

  it('names the question itself gives are not the names asked (除了中山和瑞金，剩下那些…是哪些医院)', () => {
    const text = '以中山、瑞金两家高质量发展国家试点医院和全市40家试点单位为重点';
    expect(holdsSlot('who', text, '除了中山和瑞金，剩下那些试点单位是哪些医院？给个名单')).toBe(false);
    expect(holdsSlot('list', text, '除了中山和瑞金，剩下那几家试点单位都是哪些医院？')).toBe(false);
    expect(holdsSlot('list', text, '那2家国家试点医院都是哪些医院？')).toBe(true);
    expect(holdsSlot('who', '由天山中医医院牵头，同仁医院参与', '除了同仁医院，还有哪家医院参与？给个名单')).toBe(true);
    expect(holdsSlot('who', '由同仁医院牵头', '除了同仁医院，还有哪家医院参与？给个名单')).toBe(false);
  });

  it('a sentence that does not name the set is read as any list question reads it: several items hold a list', () => {
    expect(givesContents('一是推进门诊预约，二是推进检查检验结果互认', ['护理质量改进目标'])).toBeUndefined();
    expect(holdsSlot('list', '一是推进门诊预约，二是推进检查检验结果互认', '护理质量改进目标有哪些')).toBe(true);
  });
});

describe('holdsSlot: a method is a computation or a scale, not the method named', () => {
  it.each([
    ['人头费按照签约人数乘以人均定额计算', true],
    ['以上年度实际住院床日为基数，按病种核定床日支付标准', true],
    ['每发现一次违规行为扣2分，满分100分', true],
    ['按服务人口每人每年30元拨付', true],
    ['评定标准为：年度考核得分85分以上为A级', true],
    ['推行大数据按病种分值付费（DIP）、按床日付费、按人头付费', false], // the methods' names, no computation
    ['以病种组合指数等为抓手，推动精细化管理', false], // 以…为抓手 names a lever
    ['以国家相关标准为依据，推动中医馆建设', false], // a standard referred to, not stated
    ['建立医疗机构信用评级制度，实施分级分类监管', false],
    ['持续推进不良执业行为记分管理', false],
  ])('%s -> %s', (text, held) => {
    expect(holdsSlot('method', text, '这个怎么算')).toBe(held);
  });
});

describe('holdsSlot: a consequence names a sanction or what a result is tied to', () => {
  it.each([
    ['将绩效考核结果与薪酬分配挂钩', true],
    ['针对绩效考核中发现的问题，督促落实整改', true],
    ['对医药购销领域违规行为依法查处，实施联合惩戒', true],
    ['建立健全不符合要求的医疗机构退出机制', true],
    ['二级以上医院、社区卫生服务中心发热门诊要保持“应设尽设、应开尽开”', false], // the rule restated
    ['严格落实“九不准”“十项不得”文件精神，不断纠正医药购销领域不正之风', false], // a prohibition and a directive, no sanction
    ['逐步使医护比总体提到1∶2左右', false],
  ])('%s -> %s', (text, held) => {
    expect(holdsSlot('consequence', text, '做不到会受到什么处理')).toBe(held);
  });
});

describe('holdsSlot: a procedure names a channel, a step or the body that approves; materials and steps asked, only those', () => {
  it.each([
    ['将出生医学证明纳入公共服务线上可办理范围', '出生证明咋办理', true], // a channel
    ['通过多点执业方式加入互联网+护理服务队伍', '护士咋加入', true],
    ['规范完善限制类技术备案、信息报告和培训管理', '限制类技术要走啥手续', true],
    ['形成立法草案，报市人大审议', '立法要经过怎样的程序', true], // a step
    ['开展“免陪照护服务”试点', '患者如何申请免陪照护服务', false], // the thing named, not how
    ['将出生医学证明纳入公共服务线上可办理范围', '出生证明网上咋办，具体步骤是啥', false], // a channel is no step
    ['将出生医学证明纳入公共服务线上可办理范围', '网上办出生证明要准备啥材料', false], // nor the materials
    ['申请时需提交身份证和出生医学证明材料', '网上办出生证明要准备啥材料', true],
  ])('%s (%s) -> %s', (text, question, held) => {
    expect(holdsSlot('procedure', text, question)).toBe(held);
  });
});

describe('holdsSlot: a place is one the question does not name', () => {
  it.each([
    ['在各社区卫生服务中心设置临时接种点', '临时接种点都设在哪儿', true], // sites of a kind answer 设在哪
    ['新建的急救分站落户桃浦镇', '急救分站选址在哪', true],
    ['加快推进区精神卫生中心桃浦院区投入使用', '精神卫生中心新院区在哪', true],
    ['推动华阳、虹桥两家社区卫生服务中心开展太极健康宣教', '宣教活动放在哪儿搞', true],
    ['支持在金山、崇明建设区域性医疗中心', '区域性医疗中心建在哪', true],
    ['推进普陀区域急救中心建设', '普陀区域急救中心选址在哪个街道', false], // 普陀 is the question's own
    ['做好临时接种点的设置和管理', '临时接种点都设在哪儿', false],
    ['建设长宁区安宁疗护管理中心', '长宁区安宁疗护管理中心设在哪', false],
  ])('%s (%s) -> %s', (text, question, held) => {
    expect(holdsSlot('place', text, question)).toBe(held);
  });

  it.each([
    // in another item side by side, or another clause: the site of something else
    ['加快推进区康复医院、区精神卫生中心桃浦院区投入使用', '普陀那个区康复医院开在哪', false],
    ['开展太极健康实践基地建设项目，推动华阳、虹桥两家社区卫生服务中心开展太极健康宣教活动', '太极健康实践基地设在哪里', false],
    ['持续推进区级康复医院建设，不断完善康复医疗服务体系', '区康复医院的院址在哪里', false], // the thing asked named as a hospital is no place
    // in the part that names the thing asked, or where the sentence does not name it
    ['加快推进区康复医院、区精神卫生中心桃浦院区投入使用', '区精神卫生中心新院区开在哪', true],
    ['临时接种点设在社区卫生服务中心和村卫生室', '临时接种点都设在哪儿啊？', true],
    ['在普陀区桃浦镇设立区域急救分站', '区域急救分站设在哪', true],
  ])('a place stands beside what is asked: %s (%s) -> %s', (text, question, held) => {
    expect(holdsSlot('place', text, question)).toBe(held);
  });
});

describe('missingNoun: a method or a place not given', () => {
  it('names what the documents do not give', () => {
    expect(missingNoun('method', '每个人头的钱是怎么算出来的')).toBe('计算方法或评定标准');
    expect(missingNoun('place', '临时接种点都设在哪儿')).toBe('地点');
    expect(missingNoun('stage', '新生儿大楼建到哪一步了')).toBe('进展阶段');
  });
});

describe('holdsSlot: a stage is a milestone of the project, not the work pushed on', () => {
  it.each([
    ['二是市疾控中心新建项目完成竣工验收。', true],
    ['加快推进区康复医院、区精神卫生中心桃浦院区投入使用，实现短缺医疗资源的快速补充', true],
    ['配合推进示范项目开工建设', true],
    ['再补点若干区域性医疗中心建设单位，年底完成认定挂牌。', true],
    ['三是多措并举推进疾控体系现代化建设，加快推进市疾控中心新建工程。', false], // pushed on, no milestone
    ['推进远程心电图项目。', false],
    ['提高临床路径管理的入径率、完成率。', false], // 完成率 is a rate, not a milestone
  ])('%s -> %s', (text, held) => {
    expect(holdsSlot('stage', text, '这个项目今年要推进到哪一步')).toBe(held);
  });
});

describe('termAsked and holdsSlot: what a term means is answered by a sentence that explains it where it names it', () => {
  it.each([
    ['党支部书记“双带头人”培育工程具体指什么？', '双带头人'],
    ['两个允许指啥', '两个允许'],
    ['文中的IDC指的是什么', 'IDC'],
    ['里面那个MDT是啥意思', 'MDT'],
    ['长宁医联体内人员资源共享和交流培养机制具体如何运作？', '培养机制'],
    ['这个怎么报销', undefined],
  ] as const)('%s → %s', (question, term) => {
    expect(termAsked(question)).toBe(term);
  });
  const PARTY = '实施党支部书记“双带头人”培育工程,建立健全把业务骨干培养成党员、把党员培养成业务骨干的“双培养”机制';
  it.each([
    // explained: a bracket or 即 after it, bracketed after what it stands for, described by the clause before it, a Latin term named
    ['“两个允许”指的是什么？', '落实“两个允许”(允许医疗卫生机构突破现行事业单位工资调控水平)', true],
    ['“一头”指什么', '抓好“一头”（研究阶段）和“一尾”（成果转化）', true],
    ['IIT是啥意思', '开展研究者发起的临床试验(IIT)', true],
    ['“双培养”机制是啥意思？', PARTY, true],
    ['“三个一”是指什么', '推行“三个一”，即一张床、一个团队、一套方案', true],
    ['MDT是啥意思', '建立MDT形式的质量控制管理模式', true],
    // only named
    ['“双带头人”培育工程具体指什么？', PARTY, false],
    ['“穿透式”监管具体是什么含义？', '针对发现问题开展“穿透式”监管', false],
    ['“智慧卫监”平台是怎样运作的？', '加强“智慧卫监”平台可视化监管场景应用，持续提高智能化监管能力', false],
    ['“智慧卫监”平台是怎样运作的？', '持续提高智能化监管能力', false], // the term not named at all
  ] as const)('%s in 「%s」: %s', (question, text, held) => {
    expect(holdsSlot('meaning', text, question)).toBe(held);
  });
});

describe('holdsSlot: a figure asked by its unit is answered by a number of that unit', () => {
  it.each([
    ['重症床位和可转换重症床位要达到总床位数的20%', '市级定点医院要备的重症床位，具体是多少张？', false], // a share is not a count of beds
    ['新增重症床位500张', '重症床位具体是多少张', true],
    ['配置负压救护车3辆', '要配几辆负压救护车', true],
    ['配置负压救护车，覆盖全部急救分站', '要配几辆负压救护车', false],
    ['全年开展应急演练4次', '一年演练几次', true],
    ['推进5个区域性医疗中心建设', '区域性医疗中心建几家', true], // 几家 names no unit of its own: any figure
    ['重症床位要达到总床位数的20%', '重症床位占比多少', true],
  ])('%s (%s) -> %s', (text, question, held) => {
    expect(holdsSlot('figure', text, question)).toBe(held);
  });

  it.each([
    ['区域性医疗中心服务半径一般是多少公里', '实现每30-50万人口配置一家区域性医疗中心', false], // a length asked: a count of people is none
    ['区域性医疗中心服务半径一般是多少公里', '服务半径不超过5公里', true],
    ['新院区面积多少平方米', '新院区建筑面积约12万平方米', true],
  ])('a length or an area: %s / %s -> %s', (question, text, held) => {
    expect(holdsSlot('figure', text, question)).toBe(held);
  });

  it.each([
    ['区域中医医联体共有多少家成员单位？', '培养10名以上医联体内基层中医药人才', false], // bodies asked: people counted are none
    ['区域中医医联体共有多少家成员单位？', '医联体成员单位已达12家', true],
    ['试点放在几所医院', '每所医院选派5名医师', false],
    ['家庭医生要配多少名', '每个团队配备家庭医生3名', true], // 家庭 is no body counted
    ['要培养多少人', '培养10名以上基层中医药人才', true],
    ['IDC医院现在一共有多少家', '加快推进以传染病临床诊治中心为基础的三级救治网络布局和建设', false], // a level is no count of bodies
    ['要开儿科的医院一共几家', '二级、三级公立综合医院均应提供儿科医疗服务', false], // grades side by side count nothing
    ['参加的医院有几家', '落实三年行动计划要求', false], // a span of years is none
    ['专病医联体建了几家', '在前期已建立21个专病医联体的基础上', true], // bodies may be counted in 个
    ['试点医院有几家', '以中山、瑞金两家高质量发展国家试点医院为重点', true],
    ['区域性医疗中心建几所', '每30-50万人口配置一家区域性医疗中心', true],
    ['这批IDC医院挂几家', '遴选新的30家左右IDC医院挂牌', true],
  ])('bodies counted are counted in 家, 所 or 个: %s / %s -> %s', (question, text, held) => {
    expect(holdsSlot('figure', text, question)).toBe(held);
  });

  it('the missing noun is a count', () => {
    expect(missingNoun('figure', '重症床位具体是多少张')).toBe('数量');
    expect(missingNoun('figure', '每家补贴多少钱')).toBe('金额'); // a named measure first
  });

  it('a deadline asked and not given is said as one', () => {
    expect(missingNoun('date', '要求在哪个时间节点前完成？')).toBe('完成时限');
    expect(missingNoun('date', '什么时候开展排查')).toBe('时间');
  });
});

describe('holdsSlot: a place may be another city', () => {
  it('仁济宁波分院 says where the branch is', () => {
    expect(holdsSlot('place', '加快推进瑞金无锡分院二期和仁济宁波分院建设', '仁济的分院建在哪')).toBe(true);
    expect(holdsSlot('place', '推进长三角医疗合作', '仁济的分院建在哪')).toBe(false);
  });
});

describe('askedChoice: the alternatives a choice question offers, less what they share', () => {
  it.each([
    [
      '普陀的免陪照护是全区铺开还是先试点？',
      [
        ['全区', '区铺', '铺开'],
        ['先试', '试点'],
      ],
    ],
    [
      '本市医保支付方式改革是以按病种付费为主，还是以按服务项目付费为主？',
      [
        ['按病', '病种', '种付'],
        ['按服', '服务', '务项', '项目', '目付'],
      ],
    ], // the first from the clause before the comma
    [
      '是第二批还是第三批',
      [
        ['第二', '二批'],
        ['第三', '三批'],
      ],
    ],
    ['是要求2025年达到还是2030年达到', [['2025'], ['2030']]], // numbers stand for themselves
  ])('%s', (question, alternatives) => {
    expect(askedChoice(question)).toEqual(alternatives);
  });

  it.each([
    ['老人打加强针还是要自己掏钱吗？'], // 还是 = still: a yes/no question
    ['还是要自己掏钱吗，老人打加强针'],
    ['区域性医疗中心按多少人口配置一家？'],
    ['是A还是A'], // nothing of its own on either side
  ])('no choice: %s', (question) => {
    expect(askedChoice(question)).toBeUndefined();
  });
});

describe('holdsChoice: a sentence settles a choice only by naming one of its alternatives', () => {
  // Every word weighs the same here; the decision passes IDF (0 for a word the documents never use).
  const even = () => 1;
  it.each([
    ['开展“免陪照护服务”试点', '普陀的免陪照护是全区铺开还是先试点？', true],
    ['特需医疗服务实行市场调节价', '特需医疗服务是政府定价还是走市场调节价啊', true],
    ['建设第三批示范性社区康复中心', '示范性社区康复中心是第二批还是第三批？', true],
    ['可转换重症监护单元在24小时内使重症监护资源翻倍', '是在24小时内还是48小时内翻倍', true],
    ['结合医疗资源布局、人口分布等因素，再补点若干区域性医疗中心', '这人口是按户籍算还是按常住的算？', false],
    ['开展“免陪照护服务”试点', '免陪照护的费用是医院承担还是病人自己出？', false],
    ['开展一系列中医药文化进校园活动', '进校园活动是进小学还是进中学？', false],
    ['设定公立医院床人比,逐步使医护比总体提到1∶2左右', '医护比是要求2025年达到还是2030年达到？', false],
    ['加大老年人疫苗接种推进力度', '老人打加强针要自己掏钱吗？', true], // no choice offered: nothing to settle
  ])('%s <- %s: %s', (text, question, held) => {
    expect(holdsChoice(text, question, even)).toBe(held);
  });

  it('weighs words by what the decision passes: a common word found (医院) does not settle 各医院自己评 against rarer words missing', () => {
    const weight = (w: string) => ({ 医院: 0.2, 各医: 2, 自己: 0, 院自: 0, 己评: 0, 市里: 0, 里评: 0 })[w] ?? 1;
    expect(holdsChoice('建立公立医院医务人员职业荣誉制度', '职业荣誉制度是市里评还是各医院自己评', weight)).toBe(false);
    expect(holdsChoice('由各医疗机构结合实际开展评选', '职业荣誉制度是市里评还是各医院自己评', weight)).toBe(true);
  });
});

describe('holdsPredicate: a yes/no question narrowed to some people, a time or an owner is settled only by a sentence that names them', () => {
  it.each([
    ['建立医务人员职业荣誉制度', '职业荣誉制度，退休的老医生能不能评？', false],
    ['推动中医药文化进校园，组织各类人员参加中医药适宜技术培训', '那个中医药培训，外区的医生能去吗', false],
    ['推进精神卫生临床重点专科建设，开设心理和睡眠门诊', '心理和睡眠门诊周末开不开', false],
    ['社区卫生服务中心进一步强化社区儿科诊疗服务能力', '社区医院晚上有儿科夜门诊吗', false],
    ['推进社区卫生服务中心夜门诊建设', '社区卫生服务中心晚上有门诊吗', true], // 夜门诊 speaks to 晚上
    ['加强优质社会办医疗资源引入', '普陀对民营医院有没有要求', true], // the documents' word for private hospitals
    ['二级、三级公立综合医院均应提供儿科医疗服务', '大医院是不是都得给小孩看病', true], // 儿科 for 小孩
    ['开展“免陪照护服务”试点', '住院能不能不用家属陪床', true], // 免陪 speaks to the family
    ['加大老年人疫苗接种推进力度', '有提老年人疫苗吗', true],
    ['党委书记一般不兼任行政领导职务', '党委书记可以兼任行政领导职务吗？', true], // no qualifier: the predicate alone decides
  ])('%s <- %s: %s', (text, question, held) => {
    expect(holdsPredicate(text, question)).toBe(held);
  });
});

describe('which ones counted in digits (具体是哪8个) are asked as with a Chinese numeral (哪八个)', () => {
  const sentence = '做好行风建设工作制度培训，持续贯彻落实本市整治医药产品回扣“1+7”系列文件，加强九项准则宣贯，推进制度执行和落实，组织行风建设监督查访';
  it('spells the count', () => {
    expect(spellWhichCounts('具体是哪8个？')).toBe('具体是哪八个？');
    expect(spellWhichCounts('是哪 2 家医院')).toBe('是哪两家医院');
    expect(spellWhichCounts('哪12项')).toBe('哪十二项');
    expect(spellWhichCounts('2023年要新建5家')).toBe('2023年要新建5家'); // a count stated, not asked
  });
  it('a sentence that names none of them does not answer which ones', () => {
    const question = '整治回扣的“1+7”文件，具体是哪8个？';
    expect(readIntent(question)).toBe('list');
    expect(holdsSlot('list', sentence, question)).toBe(false);
  });
});

describe('holdsSlot: a deadline asked is a point in time, not a span of hours nor a frequency', () => {
  const icu = '市级定点医院、区域性医疗中心的重症床位和可转换重症床位要达到总床位数的20%，确保综合ICU监护单元可随时使用，通过建设可转换重症监护单元，确保需要时24小时内重症监护资源增加一倍。';
  it.each([
    ['重症床位占比达到20%的要求须在什么时间之前完成？', icu, false],
    ['可转换重症监护单元要求在哪个期限前建成投用？', icu, false],
    ['最晚哪天要开展救治培训', '对社区卫生服务中心定期开展救治培训', false], // 定期: how often
    ['补点的建设单位要在什么时候之前完成认定挂牌？', '再补点若干区域性医疗中心建设单位，年底完成认定挂牌', true],
    ['整改要在什么时候之前完成', '收到通知后5个工作日内完成整改', true], // a span of days may set a deadline from an event
  ])('%s -> %s', (question, text, held) => {
    expect(holdsSlot('date', text, question)).toBe(held);
  });

  it('must not: how long asked (多长时间内) is answered by the span', () => {
    expect(holdsSlot('date', icu, '可转换的重症监护资源多长时间内能翻一倍')).toBe(true);
  });
});

describe('holdsSlot: people counted with the colloquial 号 (多少号人) are a count of people', () => {
  it.each([
    ['组建第六批援滇医疗队', false], // a batch counted, not people
    ['组建第六批援滇医疗队，共10人', true],
  ])('%s -> %s', (text, held) => {
    expect(holdsSlot('figure', text, '长宁这回组的援滇医疗队一共去多少号人')).toBe(held);
  });
});

describe('holdsSlot: a duration asked (签几年, 任期几年, 是几年的) is answered by a span of years or months, a term or a validity', () => {
  it.each([
    ['信访质量提升行动计划是几年的？', '组织落实《上海市卫生健康信访工作质量提升三年行动计划实施方案》', true],
    ['这个方案管几年', '本实施方案自2021年12月27日起实施,有效期至2030年12月31日', true],
    ['规划管几年', '会同市规划资源局完成《上海市卫生设施专项规划（2022-2035年）》编制', false], // a range of years is no span said
    // the seed sentences that speak of the task and give no span
    ['长宁跟华东医院新一轮签约签几年？', '推进新一轮与华东医院签约工作，加强社区卫生服务中心专病建设', false],
    ['援滇医疗队一批干几年', '组建第六批援滇医疗队', false],
    ['质控专家组成员任期几年？', '继续扩大质控工作覆盖范围，更新质控专家组成员，完善质控督查标准', false],
    ['师带徒项目带教周期几年？', '加强在建师带徒项目的中期考核和过程管理', false],
  ] as const)('%s in 「%s」: %s', (question, text, held) => {
    expect(holdsSlot('date', text, question)).toBe(held);
  });
  it('the missing noun is a duration', () => {
    expect(missingNoun('date', '长宁跟华东医院新一轮签约签几年？')).toBe('期限');
  });
});

describe('holdsSlot: a company, a TV station or an association asked is answered by one named as such, not by any body', () => {
  it.each([
    ['普陀院内陪诊第三方是哪家公司在做？', '通过智能导诊、云陪诊、社工志愿者、第三方服务等多种形式为老年人等重点人群就医提供便利', false],
    ['医院评审与监测系统是哪家公司开发的？', '利用“上海市医院评审与监测系统”，对区属医院资源配置、医疗服务开展日常监测和综合评价', false],
    ['那个健康教育频道是哪个电视台开的？', '三是在全国率先推出省级健康教育频道，开展健康科普优秀成果和典型人物选树活动', false], // the channel is not its station
    ['那个健康教育频道是哪个电视台开的？', '与上海广播电视台合作推出健康教育频道', true],
    ['继教培训是跟哪个协会合作的', '依托区卫生健康事业发展中心、区医学会等，开展护理、医疗、管理能力等多方面培训及继教工作', true],
    ['光华中西医结合医院是跟哪个大学合作的', '深化光华中西医结合医院与上海中医药大学合作', true],
    ['光华中西医结合医院是跟哪个大学合作的', '加强社区卫生服务中心专病建设', false],
  ] as const)('%s in 「%s」: %s', (question, text, held) => {
    expect(holdsSlot('who', text, question)).toBe(held);
  });
});

describe('holdsSlot: by what a thing is chosen or rated is answered by a basis the sentence states of it', () => {
  it.each([
    ['长宁创建基层中医药示范区按什么标准来评？', '根据全国基层中医药工作示范区创建标准，推进基层中医药工作示范区创建', true],
    ['医院人才按什么标准来评？', '建立以医德、能力、业绩为重点的人才评价体系', true],
    ['区域性医疗中心补点依据什么来定？', '结合医疗资源布局、人口分布等因素，再补点若干区域性医疗中心建设单位', true],
    // the thing asked used as another's basis says nothing of its own (near-lists-dev-38)
    ['医疗机构的信用评级是按照什么标准来评定的？', '推进基于信用的医疗机构分级分类监管，依据医疗机构的信用评级，在监管方式、抽查比例和频次等方面采取差异化措施', false],
    // the task named and no basis
    ['十佳信访工作者评选标准是啥？', '二是选树年度卫生健康“十佳信访集体（窗口）”“十佳信访工作者”，组织开展信访暨医疗投诉处理技能大赛', false],
    ['重要薄弱学科遴选按什么指标定？', '开展重中之重研究中心B类项目、重要薄弱学科遴选', false],
    ['老年友善医院评定依据啥？', '发展老年健康服务,建设老年友善医院', false],
  ] as const)('%s in 「%s」: %s', (question, text, held) => {
    expect(holdsSlot('method', text, question)).toBe(held);
  });
  it('the missing noun is the criteria', () => {
    expect(missingNoun('method', '十佳信访工作者评选标准是啥？')).toBe('评定标准或依据');
  });
});

describe('holdsSlot: a place asked within a province or city it names is one the sentence gives beside what is asked', () => {
  const TEXT = '与安徽省合作共建上海中医药大学附属曙光医院安徽医院，加快推进瑞金无锡分院二期和仁济宁波分院建设';
  it.each([
    ['曙光医院安徽医院建在安徽哪个市？', false], // 无锡 and 宁波 are other branches' cities
    ['瑞金分院二期建在江苏哪个市？', true],
  ] as const)('%s: %s', (question, held) => {
    expect(holdsSlot('place', TEXT, question)).toBe(held);
  });
});

describe("holdsSlot: where a group's working office sits is answered by a sentence that names the office", () => {
  const HEAD = '由市政府主要领导担任市深化医药卫生体制改革领导小组组长,将推进公立医院高质量发展作为深化医改重点工作';
  it.each([
    ['市深化医改领导小组的办公室设在哪个部门？', HEAD, false], // the group and its head, no office
    ['医改领导小组办公室放在哪个部门', HEAD, false],
    ['市深化医改领导小组的办公室设在哪个部门？', '领导小组办公室设在市卫生健康委', true],
    ['市深化医改领导小组的办公室设在哪个部门？', '市医改办设在市卫生健康委', true], // a short name in 办
    ['市医改领导小组由谁牵头？', HEAD, true], // must not: no office asked
    ['长宁的区域性医疗中心设在哪家医院？', '进一步发挥同仁医院区域性医疗中心作用', true], // must not: a centre, no office
  ] as const)('%s in 「%s」: %s', (question, text, held) => {
    expect(holdsSlot('who', text, question)).toBe(held);
  });
});

describe('holdsSlot: the batches before the one a sentence counts are not counted by it', () => {
  const THIRD = '实施2023年为民办实事项目，建设第三批20家示范性社区康复中心，提升社区服务能力和群众就近康复便捷性';
  it.each([
    ['前两批示范性社区康复中心一共建了多少家？', THIRD, false],
    ['示范社区康复中心前面两批加起来有多少家', THIRD, false],
    ['示范性社区康复中心今年是第三批，不算这批的话之前一共建了多少家？', THIRD, false], // the ordinal named, then left out
    // must not: this batch asked, or a figure not of a batch
    ['今年示范性社区康复中心建几家', THIRD, true],
    ['第三批示范性社区康复中心建几家', THIRD, true],
    ['前两批示范性社区康复中心一共建了多少家？', '已累计建成40家示范性社区康复中心', true],
  ] as const)('%s in 「%s」: %s', (question, text, held) => {
    expect(holdsSlot('figure', text, question)).toBe(held);
  });
});
