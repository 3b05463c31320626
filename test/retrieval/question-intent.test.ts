import { describe, expect, it } from 'vitest';
import { listSubjects, listTopic, readIntent, slotAsked, slotOf } from '../../src/retrieval/question-intent.js';

describe('readIntent', () => {
  it.each([
    // figure or quantity
    ['区域性医疗中心按多少人口配置一家？', 'figure'],
    ['多少家医院要建胸痛中心？', 'figure'], // 多少 + 家 + 医院 still asks a figure
    ['每家补贴多少钱', 'figure'], // 每家 is not 哪家
    ['重症床位占比要到多少', 'figure'],
    ['ICU床位比例是啥', 'figure'],
    ['中医旗舰医院建几家', 'figure'],
    ['护理员每人补助多少钱？', 'figure'],
    ['社区医院要评到几级？', 'figure'],
    ['有没有规定床位数上限', 'figure'],
    // date or deadline
    ['互联网医院什么时候全覆盖？', 'date'],
    ['这个方案到哪年为止', 'date'],
    ['胸痛中心啥时候要建完', 'date'],
    ['报告时限是多长时间', 'date'], // 多长时间 is a time, not a figure
    ['哪一年要完成', 'date'],
    ['几月份开始', 'date'],
    ['三级医院评审现在是几年评一次？', 'date'], // how often, in years, as 多久一次
    ['专科评估几年一轮', 'date'],
    // how long, a term or a duration in years (slots-dev-53): a date of the 期限 measure
    // several documents asked how they manage (都咋管的), each document (各文件), a block's points counted (分几条) or each point's say (各说的啥): lists
    ['民营医院这块市里跟长宁都咋管的', 'list'],
    ['五个新城的医疗资源配置，各文件是怎么说的？', 'list'],
    ['党建那块分了几条，各说的啥', 'list'],
    ['质量管理那一块分几条？', 'list'],
    ['这个文件是怎么说的', 'what'], // must not: one document, no 各 nor 都
    ['科室怎么管', 'what'],
    ['疫苗分几次打', 'figure'], // must not: 分几次 counts doses, not points
    // several subjects side by side (、) asked how they are done: each one's points
    ['普陀急诊急救、ICU这块今年咋弄', 'list'],
    ['长宁那些专科联盟、专病联盟咋弄的', 'list'],
    ['护理、康复怎么抓', 'list'],
    ['急诊急救这块今年咋弄', 'what'], // must not: one subject
    ['发热门诊、急诊怎么衔接', 'what'], // must not: how two connect, not how each is done
    ['这个规划管几年？', 'date'],
    ['长宁跟华东医院新一轮签约签几年？', 'date'],
    ['援滇医疗队一批干几年', 'date'],
    ['质控专家组成员任期是多长', 'date'],
    ['信访质量提升行动计划是几年的？', 'date'],
    ['这个试点要搞多少年', 'date'],
    // must not: 几年 of these years, a difference, a school year, a year of its range; 多少 before 年轻
    ['近几年医院评审有啥变化', 'list'],
    ['这几年长宁建了哪些医联体', 'list'],
    ['两个考核年度相差几年', 'what'], // as before: no figure word but 几, which 年 follows
    ['规划期是哪几年？', 'date'], // 哪几年 as before
    ['有多少年轻医生去援滇', 'figure'],
    // 啥 asks as 什么 does, where the lists name 什么 only; the forms with 啥 of their own stay
    ['区域整合型医疗服务体系这块包括啥？', 'list'],
    ['这事啥单位负责', 'who'],
    ['由啥机构来评', 'who'],
    ['啥时开始', 'date'],
    ['这是啥意思', 'what'],
    // who or which body
    ['这事谁牵头？', 'who'],
    ['哪些部门负责医联体建设', 'who'], // 哪些 + 部门 asks who, not a list
    ['归谁管', 'who'],
    // an organisation of another kind than a department (slots-dev-53): a TV station, a company, an association, a university
    ['那个健康教育频道是哪个电视台开的？', 'who'],
    ['患者体验部归口医院哪个职能部门管？', 'who'], // a department qualified (职能部门) is a department
    ['光华中西医结合医院是跟哪个大学合作的', 'who'],
    ['春昇杯是哪个公司赞助的', 'who'],
    ['这个大赛哪个协会主办', 'who'],
    ['医院评审与监测系统是什么平台', 'what'], // must not: a platform is asked what it is
    ['大学生能不能来进修', 'yes-no'], // must not: 大学 with no 哪
    ['要深化建设的上海中医药大学附属社区卫生服务中心是哪一家？', 'who'], // 哪一家, as 哪家
    ['这个项目由哪一家医院牵头', 'who'],
    ['援滇医疗队由哪家医院带队？', 'who'],
    ['康复医院跟哪家大医院合作', 'who'],
    ['那两家单位分别是哪', 'who'],
    ['医院内部管钱、考核、搞数字化分别是哪几条', 'list'], // which points, not which bodies
    ['分别是哪三项', 'list'],
    ['成立的2家指导中心分别是哪两家单位？', 'who'], // which two, by name
    ['国家试点医院是哪两家', 'who'],
    ['新挂牌的IDC医院具体是哪几家', 'who'], // 哪几家, 哪几所: which bodies, by name
    ['试点放在普陀哪几所医院', 'who'],
    ['长宁哪几个社区要创中医示范站？', 'list'], // 哪几个 + a place is a list, not a body
    ['试点放在哪所医院', 'who'],
    // list
    ['普陀今年在护理方面有哪些安排？', 'list'],
    ['改善就医感受都有啥措施', 'list'],
    ['那7个配套文件都叫啥？', 'list'], // the names of several
    ['五个中心分别叫什么', 'list'],
    ['具体是哪8个？', 'list'], // which ones, counted in digits
    ['这个主题活动叫啥', 'what'], // one thing's name
    ['分级诊疗包括哪几项', 'list'], // 哪几 asks a list, not a figure
    ['高质量发展要抓几个方面', 'list'],
    ['护理、儿科这两块要干点啥？', 'list'], // 这两块 names several blocks
    ['平安医院和行风那几方面做些啥', 'list'],
    ['实施方案最后的保障措施有几条，分别是啥', 'list'], // 分别是啥 asks the items, not their count
    ['高质量发展方案里党建那块有几条，各管啥', 'list'], // 各管啥: what each covers
    ['这几条各讲啥', 'list'],
    ['各区要建几家', 'figure'], // 各 of 各区 asks no items
    ['它还要争创啥等级', 'figure'], // a grade, as 几级
    ['这次评审要评到什么级别', 'figure'],
    ['什么级别的医院要开发热门诊', 'what'], // a kind of hospital, not a grade to reach
    ['哪个级别的医院要开发热门诊', 'what'],
    ['各医院干啥用的', 'what'],
    ['卫健工作要点最后讲治理能力的那几条都是啥', 'list'],
    ['医政医管要点里分级诊疗提了几处，都说了啥', 'list'],
    ['医政要点在医疗质量安全监督方面都提出了什么', 'list'], // 都提出了, as 都提了
    ['几个文件对护理都提出了啥', 'list'],
    ['长宁计划里跟专科联盟有关的都在哪', 'list'], // where it is mentioned: the places are a list
    ['高质量发展方案里医院评审在哪出现过', 'list'],
    ['急救中心建在哪', 'what'], // must not: where a thing is built
    ['这些要求市里都提出了吗', 'yes-no'], // 都提了吗 asks whether, not what
    ['长宁的计划里安宁疗护都提了吗', 'yes-no'],
    ['长宁的计划里安宁疗护都提了没', 'yes-no'], // V了没, V没V: asked of what is done
    ['普陀的睡眠门诊开没开', 'yes-no'],
    ['发热门诊开了没有？', 'yes-no'],
    ['发热门诊这事几个文件里都咋说的', 'list'], // 几个文件: across documents
    ['社区康复中心这事各个文件都咋说的', 'list'],
    // how each of several documents or scopes does something (各怎么搞), or how the city's documents put it (市里文件咋说的): the points of each
    ['两个区在医联体建设上各怎么搞？', 'list'],
    ['两个区的质控体系各打算怎么建', 'list'],
    ['市里和普陀对儿科各自如何安排', 'list'],
    ['区域性医疗中心怎么布点，市里文件咋说的', 'list'],
    ['市级文件对中医重大平台是怎么布局的', 'list'],
    ['长宁搞区域整合型医疗服务体系，分几块在做？', 'list'], // 分几块: the count asked to get the parts
    ['护理这块有几大块工作', 'list'],
    ['两个区讲护理的那条都安排了些啥', 'list'],
    ['挂个专家号要几块钱', 'figure'], // must not: 几块钱 is money
    ['九项准则是哪九条来着', 'list'], // which ones of a number of articles
    ['十项不得是哪十项', 'list'],
    ['床人比具体按什么数值设定？', 'figure'], // a value asked is a figure
    ['医护比定的啥数值', 'figure'],
    ['数值化管理是什么意思', 'what'], // must not: 数值 not asked
    ['每床日补助是几块钱', 'figure'],
    ['各医院怎么落实预约诊疗', 'what'], // must not: 各 of 各医院 counts hospitals, not documents
    ['各级医院如何做好院感防控', 'what'],
    ['市里文件什么时候印发的', 'date'], // must not: a date asked of the documents
    ['区里的文件对互联网医院怎么要求的', 'what'], // must not: one district's document
    ['普陀急救和传染病救治这块都打算怎么弄', 'list'],
    ['普陀那边社区卫生服务中心今年要干点啥', 'list'],
    ['普陀要点里重质量那一大块都干些啥', 'list'], // 都…些啥: the things done
    ['长宁今年护理这块都搞些啥', 'list'],
    ['社区医院这块都做啥', 'list'],
    // how something is arranged or put, what each of several things says, what a text brings up: the points on it
    ['普陀对区属医院的绩效考核是如何安排的', 'list'],
    ['方案在总体思路和目标上是如何表述的', 'list'],
    ['家庭医生这块长宁咋安排的', 'list'],
    ['平安医院这事，市里医政要点和长宁计划分别咋说的', 'list'],
    ['对口支援普陀和长宁各自咋安排的', 'list'],
    ['党建分几条，各是什么', 'list'], // 各是什么 asks the items, not their count
    ['陪诊这些事普陀打算咋搞', 'list'],
    ['出生一件事市里要点提了啥', 'list'],
    ['区域医疗中心在医政要点里都被点名要干啥', 'list'],
    ['疫情救治这块都安排了啥？', 'list'],
    ['市里对互联网医院部署了哪些', 'list'],
    ['普陀今年康复医疗这块啥安排？', 'list'],
    ['加强行业监管方面提了几点要求？', 'list'], // the count of points asks the points
    ['健康上海行动这块列了几条', 'list'],
    ['儿科医生转岗培训，报名得满足啥条件？', 'list'], // conditions, materials, steps are items
    ['备案要交什么材料', 'list'],
    ['出生医学证明网上咋办，具体步骤是啥？', 'list'],
    ['文件里老提五个新城，具体是哪五个？', 'list'],
    ['三级医院下放职称评审权限试点的医院名单是什么？', 'who'], // a list of names asks bodies
    ['长宁今年专科联盟、医联体这块怎么搞', 'list'], // what a part of the plan does
    ['家庭医生签约方面咋做的', 'list'],
    ['长宁今年中医这块打算干啥，都列一下', 'list'], // what it plans, and a request to list
    ['中医药的内容帮我汇总下', 'list'],
    ['长宁把区里医疗服务体系做强那部分（大医院、医联体、社区）讲了啥', 'list'], // what a part it points at says
    ['把普陀的监管措施列出来', 'list'],
    ['示范性社区康复中心，市里区里都怎么提的？', 'list'], // 都怎么提的, as 都怎么说的
    ['ICU、重症医学科这些重症力量，市里和区里打算怎么加强？', 'list'], // the city and the districts: each one's points
    ['市级和区级医院分别怎么收费', 'list'], // (分别 … 怎么, as before)
    ['市里对区里怎么考核', 'what'], // must not: the city's way of assessing districts, no scopes side by side
    ['这个事市里怎么提的', 'what'], // must not: one scope
    ['请列出市医政要点里对区域性医疗中心提出要求的全部条目', 'list'], // a request to list opening the question
    ['列举一下长宁今年的专项工作', 'list'],
    ['文件里列出的目标是多少', 'figure'], // 列出 inside a question: what was listed, not a request
    // … and where those words ask something else (must not fire)
    ['献血咋弄', 'what'], // how to do, not what is arranged
    ['这个病怎么治', 'what'],
    ['互联网医院备案怎么办', 'what'], // how to do it, no part of a plan named
    ['哪个月开始', 'date'], // 哪个月 is a date, not 哪三个
    ['普陀临床路径管理主要盯哪两个率', 'what'], // 哪两个 before its noun: what the two are, read as before
    ['市里正在编的卫生设施专项规划，规划期是哪几年？', 'date'], // a period of years
    ['截至目前，上海全市已经建成并挂牌的区域性医疗中心共有多少家？', 'figure'], // 截至 dates the count asked
    ['申报截止到什么时候', 'date'],
    ['截至2023年底建了几家', 'figure'],
    ['截至哪天', 'date'],
    ['这个步骤是必须的吗', 'yes-no'], // 步骤 without a question word
    ['列一个清单要花多少钱', 'figure'], // must not: a figure word wins
    ['下一步打算怎么看病', 'what'], // 打算 without 干啥
    ['这个词讲的啥意思', 'what'], // must not: no part pointed at
    ['民营医院管理年完了咋弄？', 'what'],
    ['三级和二级医院分别是多少床位', 'figure'], // 分别 with a figure word
    ['两家指导中心分别是哪两家', 'who'],
    ['这两项分别什么时候完成', 'date'],
    ['提了多少家区域医疗中心', 'figure'], // 提了 with a figure word
    ['两个比例分别是多少', 'figure'], // 分别 with 多少 still asks figures
    ['这两项分别是什么时候开始', 'date'],
    ['鼓励大家多生孩子，卫健部门今年做些什么？', 'what'], // 做些什么 is not 干点啥
    ['医院要做些什么准备', 'what'], // must not: 做些什么 without 都
    ['这个文件是什么时候发的', 'date'], // 文件 alone is not 几个文件
    ['有啥安排吗', 'list'], // 有啥 asks a list already
    ['安排了多少张床位', 'figure'], // 安排了 with a figure word
    ['今年要新增几项医疗技术', 'figure'], // 几项 counted, not 提了几项
    ['几点开门', 'figure'], // 几点 of the clock is not 几点要求
    ['什么条件下可以转诊', 'what'], // 什么条件下: the circumstances, not the conditions listed
    // yes or no
    ['社区医院能不能开互联网诊疗？', 'yes-no'],
    ['是否要建发热门诊', 'yes-no'],
    ['家医签约要收费吗', 'yes-no'],
    ['有没有互联网医院的规定', 'yes-no'],
    ['普陀的睡眠门诊周末开不开', 'yes-no'], // V不V of any one-character verb
    ['打加强针收不收钱', 'yes-no'],
    ['差不多要建多少家', 'figure'], // must not: 差不多 is no V不V
    // what or why
    ['什么是区域性医疗中心', 'what'],
    ['为什么要搞DRG', 'what'],
    ['互联网医院', 'what'],
  ])('%s -> %s', (question, intent) => {
    expect(readIntent(question)).toBe(intent);
  });

  it.each([
    ['How many regional medical centers should be built?', 'figure'],
    ['When should all hospitals offer appointments?', 'date'],
    ['What are the exact visiting hours for inpatients at Putuo hospitals?', 'date'], // hours, dates, a timeline are times
    ["What's the timeline for the new CDC building?", 'date'],
    ['Which department is responsible for the medical consortium?', 'who'],
    ['What measures improve the patient experience?', 'list'],
    ['What are the main tasks for nursing this year?', 'list'], // must not: no word of time
    ['Can community health centers run internet hospitals?', 'yes-no'],
    ['Tell me about family doctors', 'what'],
    // an amount asked by its noun, with no "how much" (fires)
    ["What's the budget for the demonstration zone project?", 'figure'],
    ["By what percentage will doctors' pay go up?", 'figure'],
    ['What is the annual salary cap for a hospital director?', 'figure'],
    ['What are the fees for a family doctor visit?', 'figure'],
    // the same nouns not asked as an amount, and a target that may be a task (must not fire)
    ['Will the budget management of hospitals be tightened?', 'yes-no'],
    ['What does the plan say about cost accounting in hospitals?', 'what'],
    ["What's the target for regional medical centres?", 'what'],
    // what several documents say, or what a part holds, is a list (fires) …
    ['What do the documents say about cooperation across the Yangtze River Delta?', 'list'],
    ['what do these policies say about care for older patients', 'list'],
    ["In the city's 2023 priorities, what falls under the part on quality and safety?", 'list'],
    // … what one document says is not (must not fire)
    ['What does the plan say about organ transplantation?', 'what'],
    ['Does the document say anything about sleep clinics?', 'yes-no'],
  ])('English: %s -> %s', (question, intent) => {
    expect(readIntent(question)).toBe(intent);
  });

  it('slotOf: yes/no and what have no slot', () => {
    expect(slotOf('figure')).toBe('figure');
    expect(slotOf('list')).toBe('list');
    expect(slotOf('yes-no')).toBeUndefined();
    expect(slotOf('what')).toBeUndefined();
  });
});

describe('slotAsked: a what-question may ask a method, a place, a consequence or a procedure', () => {
  it.each([
    ['按人头付费，每个人头的钱是怎么算出来的？', 'method'],
    ['床日支付标准按什么方法测算？', 'method'],
    ['信用评级咋打分', 'method'],
    ['不良执业行为记分是怎么扣分的', 'method'],
    ['病种组合指数具体如何计算', 'method'],
    ['安检设备按啥标准配', 'method'],
    ['绩效考核的评分标准是啥', 'method'],
    ['医疗机构的信用评级是按照什么标准来评定的？', 'method'],
    // what a document the seed documents cite holds: its contents (near-cited-dev-41, probe-dev-45)
    ['依法执业自查管理办法里要求医院怎么自查、查些什么？', 'list'],
    ['卫生设施专项规划（2022-2035年）主要规划了些什么？', 'list'],
    ['长宁那个平安医院建设工作方案里，各单位是怎么分工的？', 'list'],
    ['中医药综合改革示范区建设方案里定的改革任务，都有哪些？', 'list'], // a comma before 都有哪些
    ['示范区建设方案出台后，市里有哪些举措？', 'list'], // the city's measures asked, after a comma: a list as any, not the plan's contents
    ['《上海市爱国卫生与健康促进条例》的立法要经过怎样的程序？', 'procedure'], // another slot asked: it wins
    ['高质量发展方案里对老年人健康服务是怎么说的？', undefined], // the seed document itself: read as before
    ['信用信息管理办法是哪年出台的', 'date'], // another intent: the cited route reads what-questions only
    ['患者的意见怎么处理', undefined], // 的意见 names no document
    ['卫生健康工作要点中明确要修订的管理办法有哪些？', 'list'], // a kind of document (要修订的管理办法): which ones, not a cited one's contents
    // what a term means or how it works (near-lists-dev-38)
    ['党支部书记“双带头人”培育工程具体指什么？', 'meaning'],
    ['普陀提出的“穿透式”监管具体是什么含义？', 'meaning'],
    ['“智慧卫监”平台是怎样运作的？', 'meaning'],
    ['两个允许指啥', 'meaning'],
    ['MDT是啥意思', 'meaning'],
    ['3.0版的具体内容是什么', 'meaning'],
    ['党支部书记“双带头人”具体指哪两种带头人？', 'meaning'],
    // how weights, scores or shares are set (weights-dev-27)
    ['绩效考核各项指标的权重是怎么定的', 'method'],
    ['三级医院评审各部分的分值是怎么设置的？', 'method'],
    ['专科能力和科研转化这些内容的比重如何确定？', 'method'],
    ['区属医院绩效考核的分数咋分配的', 'method'],
    ['绩效评价如何分配权重', 'method'],
    ['临时接种点都设在哪儿啊？', 'place'],
    // how far a project has got (stage-dev-27)
    ['市疾控中心新建项目今年要推进到哪一步？', 'stage'],
    ['儿科医院新生儿大楼现在建到哪一步了', 'stage'],
    ['张江院区目前进展到什么阶段？', 'stage'],
    ['旗舰医院建设进度到哪了', 'stage'],
    ['普陀区康复医院今年要推进到什么程度？', 'stage'],
    ['急救中心选址在哪个街道', 'place'],
    ['安宁疗护中心建在哪', 'place'],
    ['发热哨点诊室一般开在什么地方', 'place'],
    ['这个基地具体位置是啥', 'place'],
    ['发热门诊该开没开，医院会被咋处罚', 'consequence'],
    ['违反九不准会受到什么样的处分', 'consequence'],
    ['平安医院要是没创上，医院会咋样', 'consequence'],
    ['考核不合格的医院会怎么样', 'consequence'],
    ['患者如何申请免陪照护服务', 'procedure'],
    ['想来长宁进修，要走啥流程', 'procedure'],
    ['宝宝出生证明网上办要准备啥材料', 'procedure'], // read as a list by 啥: materials of a procedure
    ['限制类技术要走啥手续', 'procedure'],
    ['护士咋加入互联网+护理', 'procedure'],
    ['护士多点执业需满足哪些条件、办理什么手续', 'list'], // the conditions asked too: the list of them stays asked
    ['不按要求配安检设备，后果是什么', 'consequence'],
    ['被查出科研不端，单位会受到怎样的处理', 'consequence'], // 怎样的 before 处理, as 什么样的
    ['没按时整改的医院会被怎样的处罚', 'consequence'],
    ['新院区落在哪个街道', 'place'],
    ['急救分站落在哪', 'place'],
    ['新址在哪条路上', 'place'],
    ['首届长三角职业健康技能大赛在哪个城市举办？', 'place'], // which city, province or country
    // what a thing is called
    ['本市在全国率先推出的省级健康教育频道叫什么名称？', 'name'],
    ['普陀要搞的那个医疗质量管理大模型叫啥名', 'name'],
    ['那个频道叫啥', 'name'],
    ['这个中心的全称是什么', 'name'],
    ['今年护士节活动的主题是啥', 'name'], // a theme is given as a name is
    ['那个主题活动是什么主题', 'name'],
    ['普陀援摩医疗队派到摩洛哥哪个城市', 'place'],
    ['援滇医疗队去哪个地方', 'place'],
    // where a thing is held or sits, by the district, city or new town (slots-dev-53, near-topic-dev-51)
    ['首届长三角职业健康技能大赛在哪办啊', 'place'],
    ['新城卫生示范项目是在哪个新城开工？', 'place'],
    ['市疾控中心新址在哪个区？', 'place'],
    ['市疾控新大楼盖在哪', 'place'], // 盖, 造: staff's words for building
    ['曙光医院安徽医院建在安徽哪个市？', 'place'],
    ['在哪办理出生医学证明', 'procedure'], // must not: where to apply is a procedure, not a site
    // by what standard, criteria or basis a thing is chosen or rated (slots-dev-53): a method of its own measure, the criteria
    ['十佳信访工作者评选标准是啥？', 'method'],
    ['重要薄弱学科遴选按什么指标定？', 'method'],
    ['春昇杯医学创新人才大赛依据什么来打分？', 'method'],
    ['儿童友好医院要达到什么标准才算？', 'method'],
    ['老年友善医院评定依据啥？', 'method'],
    // read as lists by 哪些: the sanctions that follow are asked
    ['长宁区对违反“九不准”的医务人员有哪些具体处罚措施？', 'consequence'],
    ['收回扣的医生会受到哪些处分', 'consequence'],
    ['考核不达标都有哪些问责', 'consequence'],
    ['行风建设有哪些具体措施', 'list'], // must not: measures, no sanction named
    ['违规的有哪些被通报了', 'list'], // must not: which ones were named, not what follows
  ])('%s -> %s', (question, slot) => {
    expect(slotAsked(question, readIntent(question))).toBe(slot);
  });

  it.each([
    ['这个规定在哪个文件里'], // where in the documents: a citation, not a place
    ['互联网医院的内容在哪一条'],
    ['护理这块写在哪部分'],
    ['紧密型城市医疗集团是啥'], // 城市 of a name, no city asked
    ['普陀要增设哪类门诊'], // 设 without 在 is not siting
    ['新设的睡眠门诊是干什么的'],
    ['胸痛中心是什么'],
    ['家庭医生签约是怎么回事'], // how it stands, not how it is computed
    ['医疗废物怎么处理'], // 怎么处理 alone asks how a thing is handled, not what follows a breach
    ['患者投诉一般怎么处理'],
    ['处罚决定书在哪个文件里'],
    ['发热门诊怎么做'], // what is done, not how one applies
    ['这项任务落在哪个文件里'], // where in the documents, with 落在 too
    ['这事落在哪一条'],
    ['投诉怎样的处理比较好'], // 怎样的处理 with no 被 or 受到: how to handle, not what follows
    ['床位怎么分配'], // setting with no noun of a scoring scheme
    ['优质资源如何确定布局'],
    ['那些能临时改成ICU的单元，关键时刻得做到什么程度？'], // how much, not how far a project has got
    ['第一步是什么'],
    ['二级综合医院的评审标准呢？'], // 评审标准 names a standard (三级医院评审标准), no criteria of choosing
    ['受援医院最终要达到什么标准？'], // the level to reach, not what it is chosen by
    ['在哪个区的文件里提到了家庭病床'], // where in the documents
    ['基层医疗机构按什么来设置？'], // by what it is set up, not chosen or rated
  ])('no method, place, consequence nor procedure: %s', (question) => {
    expect(slotAsked(question, readIntent(question))).toBeUndefined();
  });

  it.each([
    ['长宁计划提到严格落实“十项不得”，这十项不得的具体内容是什么？', 'list'],
    ['国家医疗质量安全改进目标（2021到2023年的）具体是啥？', 'list'],
    ['九项准则的条款是什么', 'list'],
  ])("a named set's contents asked outright is a list: %s", (question, slot) => {
    expect(readIntent(question)).toBe('what');
    expect(slotAsked(question, 'what')).toBe(slot);
  });

  it.each([['投诉举报处理标杆点的建设标准是什么？'], ['免陪照护服务试点的服务标准是啥'], ['证明事项清单是什么']])(
    'a standard, a list or a catalogue asked what it is: its items, a list: %s',
    (question) => {
      expect(slotAsked(question, readIntent(question))).toBe('list');
    },
  );

  it.each([['医疗质量管理制度是什么'], ['互联网医院标准是啥意思'], ['绩效考核的评分标准是啥']])('what a named set is, not its contents: %s', (question) => {
    expect(slotAsked(question, readIntent(question))).not.toBe('list');
  });

  it.each([['叫停是什么意思'], ['DRG付费是什么意思'], ['权重是什么意思'], ['互联网医院标准是啥意思']])(
    'what a term means (什么意思) asks its meaning, which a sentence that only names it does not give: %s',
    (question) => {
      expect(slotAsked(question, 'what')).toBe('meaning');
    },
  );

  it('only a what-question is read so: 放在哪家医院 asks who, 多少钱怎么算 a figure', () => {
    expect(slotAsked('结核病防治中心放在哪家医院', readIntent('结核病防治中心放在哪家医院'))).toBe('who');
    expect(slotAsked('每人补助多少钱，怎么算', readIntent('每人补助多少钱，怎么算'))).toBe('figure');
  });
});

describe('listSubjects: the subjects a list question names side by side', () => {
  it.each([
    ['长宁今年护理和继续教育有哪些安排？', ['长宁今年护理', '继续教育有哪些安排？']],
    ['普陀在加强监管、抓行风方面有哪些措施？', ['普陀在加强监管', '抓行风方面有哪些措施？']],
    ['防疫物资以及疫苗接种', ['防疫物资', '疫苗接种']],
  ])('%s -> %j', (question, subjects) => {
    expect(listSubjects(question)).toEqual(subjects);
  });

  it.each([
    ['建设健康和谐的医院文化有哪些要求'],
    ['社会力量参与办医有哪些'],
    ['及时转诊有哪些要求'],
    ['中医药普及有哪些安排'],
    ['医疗服务有哪些安排'],
    ['65岁及以上老人有哪些服务'],
    ['三级及以下医院有哪些要求'],
  ])('one subject, not split inside a word: %s', (question) => {
    expect(listSubjects(question)).toHaveLength(1);
  });

  it('the item words are left out of the topic before it is split', () => {
    expect(listSubjects(listTopic('护理和儿科这块都有哪些安排')).map((s) => s.trim())).toEqual(['护理', '儿科']);
  });
});
