// Chinese live-commerce vocabulary. Weights: phrases are the complaints a contract forbids (-3, they fire
// alone); words are ordinary sentiment (-2 … +2); attributes are product qualities that read as faults only
// when stressed (太油, 有点厚) and weigh -1, -2 with a stress word before them.

/** Live-commerce complaints strong enough to flag on their own. */
export const ZH_PHRASES: readonly string[] = [
  '踩雷', '避雷', '排雷', '智商税', '割韭菜', '韭菜', '翻车', '劝退', '拔草', '烂脸', '过敏', '假货', '假的',
  '三无', '不值', '不值得', '坑人', '坑爹', '退货', '退款', '别买', '不要买', '不推荐', '不建议买', '还不如', '不如',
  '垃圾', '辣鸡', '难吃', '难闻', '难用', '难喝', '骗人', '骗子', '骗钱', '骗谁', '差评', '上当', '被骗', '闷痘',
  '爆痘', '长痘', '冒痘', '红疹', '起疹', '过期', '变质', '发霉', '长毛', '白毛', '怪味', '异味', '臭味', '馊',
  '开胶', '掉渣', '断了', '坏了', '漏油', '漏液', '漏了', '色差', '卡粉', '浮粉', '搓泥', '拔干', '假白', '泛红',
  '刺痛', '拉肚子', '拉了', '头晕', '恶心', '白花钱', '浪费钱', '交学费', '后悔', '失望', '无语', '离谱', '糊弄',
  '忽悠', '虚标', '缩水', '货不对板', '不符', '偷工减料', '狠活', '没效果', '没用', '没啥用', '没什么用', '不管用',
  '鸡肋', '吃相难看', '不正宗', '水货', '山寨', '高仿', '黑心', '死机', '卡顿', '闪退', '掉线', '断连', '起球',
  '掉色', '褪色', '跑绒', '钻绒', '烂了', '腐烂', '哈喇', '氨水味', '酒味', '焦糊', '糊味', '不转了', '充不进',
  '不好用', '不好吃', '不好闻', '不好看', '不行', '拉胯', '破防', '割', '坑', '智商', '烫伤', '起皮', '裂口',
  '脂肪粒', '闭口', '刺鼻', '电老虎', '费电', '暴雷', '雷品', '超雷', '太雷', '退了', '差劲', '太差', '质量差',
  '做工差', '粗糙', '劣质', '廉价感', '塑料感', '溢价', '性价比低', '不值这个价', '打水漂', '扔了', '吃亏',
  '防伪码', '没批号', '没有批号', '没日期', '没有日期', '没备案', '没有备案', '找不到', '手写', '小作坊', '三无产品',
  '不如超市', '严重不符', '发错', '少发', '漏发', '胀杯', '胀袋', '掺水', '打蜡', '陈货', '翻新', '二手',
];

/** Ordinary sentiment words with their weight. */
export const ZH_WORDS: Readonly<Record<string, number>> = {
  差: -2, 烂: -2, 坏: -1, 丑: -1, 臭: -2, 脏: -1, 破: -1, 碎: -1, 假: -2, 贵: -1, 吵: -1, 慢: -1, 渣: -1,
  痒: -2, 疼: -1, 痛: -1, 肿: -2, 麻: -1, 晕: -1, 红肿: -2, 刺激: -2, 紧绷: -1, 干巴巴: -1, 黏糊糊: -1,
  失败: -2, 生气: -2, 气死: -2, 吓死: -1, 吓人: -2, 太吓人: -2, 恶心: -2, 崩溃: -2, 心累: -1, 裂开: -1,
  一般: -1, 普通: -1, 凑合: -1, 算了: -2, 就算了: -2, 不咋地: -2, 不怎么样: -2, 不太行: -2, 不喜欢: -2,
  不满意: -2, 没必要: -2, 不划算: -2, 不灵: -2, 不准: -1, 不好: -2, 不对: -1, 不正常: -2, 不稳: -1, 不舒服: -2,
  失眠: -1, 口干: -1, 干燥: -1, 毛躁: -1, 噪音: -1, 发烫: -1, 烫手: -1, 焦: -1, 腥: -1, 齁: -2, 硌牙: -2,
  噎: -1, 锯末: -2, 橡皮: -1, 塑料: -1, 砂纸: -2, 抹布: -2, 墙: -1, 泥: -1, 渣渣: -1, 一坨: -1,
  郁闷: -1, 无奈: -1, 可惜: -1, 遗憾: -1, 糟糕: -2, 糟心: -2, 闹心: -2, 坑坑: -1, 毛病: -1, 缺点: -1,
  问题: -1, 瑕疵: -2, 故障: -2, 投诉: -2, 吐槽: -1, 辣眼睛: -2, 辣眼: -2, 睁不开: -2, 哭: -1, 哭了: -1,
  好: 1, 好用: 2, 好吃: 2, 好闻: 2, 好看: 2, 喜欢: 2, 爱了: 2, 爱: 1, 推荐: 2, 回购: 2, 值: 2, 真值: 2,
  划算: 2, 便宜: 1, 香: 1, 甜: 1, 赞: 2, 棒: 2, 绝: 1, 绝了: 2, 绝绝子: 2, 永远的神: 2, 牛: 1, 强: 1,
  舒服: 2, 满意: 2, 惊喜: 2, 不错: 2, 可以: 1, 还行: 0, 靠谱: 2, 稳: 1, 稳了: 2, 放心: 1, 安心: 1, 实诚: 2,
  正品: 1, 新鲜: 1, 好评: 2, 冲: 1, 冲冲冲: 2, 种草: 2, 吹爆: 2, 完美: 2, 服帖: 1, 水润: 1, 清爽: 1, 顺滑: 1,
  嫩: 1, 脆: 1, 酥: 1, 鲜: 1, 软糯: 1, 细腻: 1, 温柔: 1, 显白: 1, 高级: 1, 颜值: 1, 漂亮: 2, 美: 1, 没白买: 2,
  没踩雷: 2, 停不下来: 2, 杀疯了: 2, 笑死: 0, 笑死我了: 0, 笑不活: 0, 呵呵: -1, 还想: 1, 再来一: 1, 爱死: 2, 上头: 1, 宝藏: 2, 良心: 2, 物美价廉: 2, 性价比高: 2, 好好: 1, 开心: 1, 满足: 1,
};

/** Product qualities that are faults whenever stressed or drawn out (太油, 有点厚, 硬得能砸核桃). */
export const ZH_FAULTS: readonly string[] = [
  '油', '干', '硬', '咸', '厚', '粗', '黏', '腻', '苦', '涩', '腥', '柴', '吵', '贵', '重', '紧', '闷', '烫', '冲',
  '刺鼻', '暗', '糊', '油腻', '干涩', '难受', '厚重', '紧绷', '粗糙', '黏糊', '稀', '碎', '沉', '慢', '卡',
];

/** Qualities that are praise as often as fault (好甜, 超软): faults only after 太, 有点, 偏 and the like. */
export const ZH_AMBIGUOUS: readonly string[] = [
  '甜', '酸', '辣', '软', '薄', '小', '少', '大', '白', '亮', '浓', '淡', '凉', '冷', '热', '黑', '黄', '短', '长',
];

/** Words that only mark too much of a quality (太, 有点, 偏): an ambiguous quality after them is a fault. */
export const ZH_EXCESS: readonly string[] = ['太', '也太', '有点', '有点儿', '有些', '偏', '过于', '一点点', '忒', '巨'];

/** Words before an attribute that stress it into a fault. */
export const ZH_STRESS: readonly string[] = [
  '太', '好', '巨', '超', '超级', '真', '真的', '特别', '有点', '有点儿', '有些', '偏', '确实', '很', '贼', '老',
  '这么', '那么', '也太', '过于', '不够', '一股', '忒', '一点点', '有一点',
];

/** After a quality, these draw it out into a complaint (厚了一点, 油得能炒菜, 甜到齁). */
export const ZH_STRESS_AFTER: readonly string[] = ['了点', '了一点', '了些', '得', '到', '死了', '爆了', '成', '一点'];

/** Words that, right after praise, only intensify it (好吃到哭, 美哭, 香死了). */
export const ZH_EMOTIVE: readonly string[] = ['哭', '哭了', '死', '死了', '疯', '疯了', '犯规', '犯罪', '晕', '迷糊', '跺脚', '离谱', '炸'];

/** Negators: they flip the sentiment of what follows within a few characters (不油, 没踩雷, 一点都不黏). */
export const ZH_NEGATORS: readonly string[] = [
  '不', '没', '没有', '无', '别', '并不', '从不', '不会', '不是', '一点都不', '一点也不', '一点不', '都不', '也不',
  '毫不', '绝不', '不算', '不太', '不怎么', '没那么', '不至于', '不用担心', '不必',
];

/** After a word, these deny it (一个坏的都没有, 一点渣都没有). */
export const ZH_TRAILING_NEGATORS: readonly string[] = ['都没有', '都没', '也没有', '也没', '都不', '没有'];

/** A line that answers a complaint by denying it (不是的, 没有的). */
export const ZH_DENIALS: readonly string[] = [
  '不是的', '没有的', '不会的', '并没有', '不存在', '没有这回事', '不是这样', '放心', '都能查到', '能查到', '不影响',
  '是正常的', '很正常', '不是那种', '不是假', '不骗', '没有加',
];

/** Reported speech: what follows is someone else's words being quoted or answered (有宝宝问…, 说智商税的…). */
export const ZH_REPORTING: readonly string[] = ['问', '说', '觉得', '担心', '怕', '以为', '听说', '有人说', '说是'];

/** Markers of advice, conditions and remedies: a supposition, not a report (坏了包换, 要是…的话). */
export const ZH_CONDITIONALS: readonly string[] = [
  '如果', '要是', '的话', '万一', '包换', '包赔', '包退', '补发', '补寄', '我们赔', '赔几个', '赔多少', '补几',
  '直接换', '换新', '联系客服', '找客服', '私信', '记得', '不要急', '先别', '建议', '可以先', '就好', '就不会',
  '才会', '注意', '避免', '以免', '防止',
];

/** Host words that own up to a fault (说实话, 不瞒大家): the host's own criticism of a product. */
export const ZH_CONCESSIONS: readonly string[] = [
  '说实话', '实话实说', '说句实话', '老实说', '不瞒', '不骗', '有一说一', '确实', '缺点', '不够好', '多嘴',
  '是有的', '我是真的', '没必要买', '不推荐', '客观', '坦白', '唯一', '说白了', '我们做得',
];

/** Question words and A-not-A forms: the line asks rather than complains. */
export const ZH_QUESTIONS: readonly string[] = [
  '能不能', '会不会', '有没有', '要不要', '是否', '求问', '不懂就问', '可不可以', '行不行', '好不好', '用不用',
  '需不需要', '怎么样', '咋样', '多久', '什么时候', '能用吗', '能吃吗', '到底是不是', '吗',
];

/** Questions that accuse: asked, but a complaint (是不是过期了, 这不是坑人吗, 凭啥卖这么贵). */
export const ZH_ACCUSING: readonly string[] = [
  '是不是', '这不是', '难道', '怕不是', '凭啥', '凭什么', '骗谁', '糊弄谁', '当我们', '就这', '这质量', '说好的',
  '金子做的', '你管这叫', '所谓的', '敢卖', '好意思',
];

/** Contrast words: what follows them outweighs what came before (贵是贵但值). */
export const ZH_CONTRASTS: readonly string[] = ['但是', '但', '可是', '可', '不过', '倒是', '然而', '就是', '只是', '虽然但是'];

/** Words pointing at the product on air (这个, 它, 我买的). */
export const ZH_DEICTICS: readonly string[] = [
  '这个', '这款', '这瓶', '这支', '这盒', '这件', '这台', '这袋', '这箱', '这个东西', '它', '你们家', '你家', '我买的',
  '我的', '买过', '收到', '到手', '那个', '这', '你们',
];

/** Subjects outside any catalogue: a complaint about them is not about the product on air. */
export const ZH_OFF_TOPIC: readonly string[] = [
  '快递', '物流', '快递员', '天气', '下雨', '雨', '太冷', '暖气', '空调', '老板', '公司', '上班', '加班', '同事',
  '网速', '卡了', '直播间卡', '信号', '抢票', '车票', '考试', '男朋友', '女朋友', '老公', '老婆', '孩子', '堵车',
  '情人节', '被甩', '年终奖', '手机刚', '我手机', '摔了', '水逆', '房东', '外卖', '追剧', '会员', '嗓子都哑',
];

/** Markers that a line is about another shop, platform or brand (别家, 某宝, 之前用的…). */
export const ZH_ELSEWHERE: readonly string[] = [
  '别家', '别人家', '其他家', '别的牌子', '别的直播间', '别家直播间', '某宝', '某鱼', '某东', '某多多', '拼夕夕',
  '拼多多', '闲鱼', '之前用', '之前买', '以前用', '以前买', '上回在别', '别家的', '另一家', '那家',
];
