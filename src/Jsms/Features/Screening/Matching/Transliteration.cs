using System.Collections.Frozen;
using System.Text;

namespace Jsms.Features.Screening.Matching;

/// <summary>
/// Writes names from other scripts in Latin letters, character by character: Arabic, Persian and Urdu
/// (consonantal, so short vowels are missing; the phonetic key ignores vowels for that reason),
/// Cyrillic (Russian, Ukrainian, Belarusian, Kazakh, Mongolian), Greek, Armenian, Georgian, and
/// Chinese through a small pinyin table of common surname and given-name characters (a character
/// outside the table is dropped, and the explanation then shows how little of the name was read).
/// </summary>
internal static class Transliteration
{
    /// <summary>True when the text has a letter the table knows outside Latin.</summary>
    public static bool HasForeignScript(string text)
    {
        foreach (var c in text)
        {
            if (c > 0x24F && Table.ContainsKey(c))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The script a name was typed in: Arabic script first, since a mixed name's Latin letters are then the least of it.</summary>
    public static TypedScript TypedIn(string text)
    {
        var other = false;
        foreach (var c in text)
        {
            if (c is >= '\u0600' and <= '\u06FF')
            {
                return TypedScript.Consonantal;
            }
            other |= c > 0x24F && char.IsLetter(c);
        }
        return other ? TypedScript.Other : TypedScript.Latin;
    }

    public static string ToLatin(string text)
    {
        StringBuilder? sb = null;
        // Japanese kanji are not Mandarin syllables: without a Japanese reading table they are not read at all.
        var japanese = false;
        foreach (var c in text)
        {
            if (c > 0x2E80)
            {
                japanese = JapaneseNames.IsJapanese(text);
                break;
            }
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c <= 0x24F)
            {
                sb?.Append(c);
                continue;
            }
            if (sb is null)
            {
                sb = new StringBuilder(text.Length * 2);
                sb.Append(text, 0, i);
            }
            if (japanese && c > 0x2E80)
            {
                sb.Append(' ');
            }
            else if (c is '’' or '‘')
            {
                // Typographic apostrophes (the lists' ayn and hamza: Sha’ban, Ch’o’l) join the letters around them as ' does.
                sb.Append(c);
            }
            else if (Table.TryGetValue(c, out var latin))
            {
                // Waw and ya inside an Arabic-script word are long vowels (u, i); at its start, consonants.
                if (c is 'و' or 'ي' or 'ی' && i > 0 && text[i - 1] is >= '\u0620' and <= '\u06FF')
                {
                    latin = c == 'و' ? "u" : "i";
                }
                // Chinese characters are syllables: each becomes a token, joined again by the matcher.
                if (c is >= '\u4E00' and <= '\u9FFF')
                {
                    sb.Append(' ').Append(latin).Append(' ');
                }
                else
                {
                    sb.Append(latin);
                }
            }
            else if (char.IsLetter(c) && !IsIgnorableLetter(c))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append(' ');
            }
        }
        return sb?.ToString() ?? text;
    }

    private static bool IsIgnorableLetter(char c) => JapaneseNames.IsHan(c);

    /// <summary>True when the name is written in Chinese characters read as Mandarin (not a Japanese name).</summary>
    public static bool IsChineseScript(string text)
    {
        foreach (var c in text)
        {
            if (JapaneseNames.IsHan(c))
            {
                return !JapaneseNames.IsJapanese(text);
            }
        }
        return false;
    }

    private static FrozenDictionary<char, string> Build()
    {
        var map = new Dictionary<char, string>();
        void Add(string pairs)
        {
            foreach (var pair in pairs.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=', 1);
                map[pair[0]] = pair[(eq + 1)..];
            }
        }

        // Arabic, with Persian and Urdu letters. Vowel-carrying letters (alif, waw, ya) give a, u/w, i/y.
        Add("ا=a أ=a إ=i آ=a ٱ=a ء= ؤ= ئ= ب=b ت=t ث=th ج=j ح=h خ=kh د=d ذ=dh ر=r ز=z س=s ش=sh ص=s ض=d ط=t ظ=z " +
            "ع= غ=gh ف=f ق=q ك=k ل=l م=m ن=n ه=h و=w ي=y ى=a ة=a " +
            "پ=p چ=ch ژ=zh گ=g ک=k ی=y ٹ=t ڈ=d ڑ=r ں=n ہ=h ھ=h ے=e ۃ=a ۓ=e");
        // Cyrillic (Russian, Ukrainian, Belarusian, Kazakh, Mongolian letters), upper and lower case.
        const string cyrillic = "а=a б=b в=v г=g д=d е=e ё=e ж=zh з=z и=i й=y к=k л=l м=m н=n о=o п=p р=r с=s т=t у=u ф=f " +
            "х=kh ц=ts ч=ch ш=sh щ=shch ъ= ы=y ь= э=e ю=yu я=ya і=i ї=yi є=ye ґ=g ў=u ө=o ү=u ә=a қ=k ң=n ғ=g ұ=u һ=h";
        Add(cyrillic);
        Add(string.Join(' ', cyrillic.Split(' ').Select(p => char.ToUpperInvariant(p[0]) + p[1..])));
        // Greek.
        const string greek = "α=a β=v γ=g δ=d ε=e ζ=z η=i θ=th ι=i κ=k λ=l μ=m ν=n ξ=x ο=o π=p ρ=r σ=s ς=s τ=t υ=y φ=f χ=ch ψ=ps ω=o " +
            "ά=a έ=e ή=i ί=i ό=o ύ=y ώ=o";
        Add(greek);
        Add(string.Join(' ', greek.Split(' ').Select(p => char.ToUpperInvariant(p[0]) + p[1..])));
        // Armenian (upper case block and lower case block).
        const string armenian = "ա=a բ=b գ=g դ=d ե=e զ=z է=e ը=y թ=t ժ=zh ի=i լ=l խ=kh ծ=ts կ=k հ=h ձ=dz ղ=gh ճ=ch մ=m յ=y ն=n շ=sh ո=o չ=ch պ=p ջ=j ռ=r ս=s վ=v տ=t ր=r ց=ts ւ=v փ=p ք=k օ=o ֆ=f";
        Add(armenian);
        Add(string.Join(' ', armenian.Split(' ').Select(p => (char)(p[0] - 0x30) + p[1..])));
        // Georgian (Mkhedruli).
        Add("ა=a ბ=b გ=g დ=d ე=e ვ=v ზ=z თ=t ი=i კ=k ლ=l მ=m ნ=n ო=o პ=p ჟ=zh რ=r ს=s ტ=t უ=u ფ=p ქ=k ღ=gh ყ=q შ=sh ჩ=ch ც=ts ძ=dz წ=ts ჭ=ch ხ=kh ჯ=j ჰ=h");
        // Chinese: common surname and given-name characters (a small table, see docs/decisions/0006-screening.md).
        foreach (var (syllable, characters) in Pinyin)
        {
            foreach (var c in characters)
            {
                map.TryAdd(c, syllable);
            }
        }
        return map.ToFrozenDictionary();
    }

    private static readonly (string Syllable, string Characters)[] Pinyin =
    [
        ("wang", "王汪望旺"), ("li", "李黎利丽力立理礼莉励"), ("zhang", "张章彰"), ("liu", "刘柳留流"), ("chen", "陈晨辰沉"),
        ("yang", "杨阳扬洋"), ("huang", "黄皇煌"), ("zhao", "赵照昭"), ("wu", "吴武伍午五吾"), ("zhou", "周舟洲州"),
        ("xu", "徐许旭须"), ("sun", "孙"), ("ma", "马玛"), ("zhu", "朱祝珠竹"), ("hu", "胡虎湖"), ("guo", "郭国果"),
        ("he", "何贺和河赫"), ("gao", "高"), ("lin", "林琳霖麟"), ("luo", "罗洛"), ("zheng", "郑正政峥"), ("liang", "梁良亮"),
        ("xie", "谢"), ("song", "宋松颂"), ("tang", "唐汤堂"), ("han", "韩汉涵寒"), ("feng", "冯峰锋凤丰枫"), ("deng", "邓"),
        ("cao", "曹"), ("peng", "彭鹏"), ("zeng", "曾"), ("xiao", "肖萧小晓孝"), ("tian", "田天甜"), ("dong", "董东冬栋"),
        ("pan", "潘攀"), ("yuan", "袁元源远媛园"), ("cai", "蔡才彩"), ("jiang", "蒋江姜疆"), ("yu", "于余俞宇雨玉禹育鱼"),
        ("du", "杜度"), ("ye", "叶业烨"), ("cheng", "程成诚城承"), ("wei", "魏韦卫伟威维薇"), ("su", "苏素"), ("lu", "吕卢陆鲁路露"),
        ("ding", "丁鼎"), ("ren", "任仁人"), ("shen", "沈申深"), ("yao", "姚瑶尧"), ("jin", "金晋锦近进今瑾"), ("fan", "范樊凡帆"),
        ("fang", "方芳"), ("shi", "石史施师诗世时"), ("xi", "习席西希熙喜"), ("ping", "平萍屏"), ("bai", "白柏"), ("qian", "钱千倩谦"),
        ("qin", "秦琴勤钦"), ("kong", "孔"), ("mao", "毛茂"), ("bo", "薄博波柏"), ("xia", "夏霞"), ("hou", "侯厚"), ("zou", "邹"),
        ("xiong", "熊雄"), ("meng", "孟梦萌"), ("qiu", "邱秋丘"), ("yan", "严颜闫燕艳岩言彦妍"), ("lei", "雷磊蕾"), ("long", "龙隆"),
        ("wen", "文温闻雯"), ("ming", "明铭鸣"), ("hua", "华花桦"), ("jun", "军君俊骏"), ("hong", "洪红宏鸿虹"), ("jian", "建健剑坚"),
        ("guang", "光广"), ("qiang", "强"), ("yong", "勇永涌"), ("jie", "杰洁捷婕"), ("tao", "涛陶桃"), ("bin", "斌彬滨"),
        ("hui", "辉慧惠晖会"), ("zhi", "志智之芝致"), ("xin", "新欣心鑫信馨"), ("yi", "一毅艺怡义逸易依宜"), ("an", "安"),
        ("fei", "飞菲"), ("kai", "凯开"), ("le", "乐"), ("qing", "清青庆晴"), ("rong", "荣蓉融"), ("sheng", "生胜盛圣"),
        ("xiang", "祥翔香湘向"), ("hao", "浩豪昊皓"), ("yun", "云芸"), ("na", "娜"), ("ting", "婷亭"), ("jing", "静晶京敬婧菁"),
        ("mei", "梅美"), ("lan", "兰蓝岚"), ("xue", "雪学薛"), ("zi", "子紫梓"), ("hai", "海"), ("bao", "宝保"), ("de", "德"),
        ("fu", "福富傅付符甫"), ("gang", "刚钢"), ("kang", "康"), ("qi", "琪齐祁启琦"), ("rui", "瑞睿"), ("shan", "山珊善"),
        ("tong", "童彤桐"), ("wan", "万婉"), ("xing", "兴星邢幸"), ("ya", "雅亚"), ("zhen", "珍振真"), ("min", "敏民"),
        ("ning", "宁凝"), ("qun", "群"), ("shu", "书淑舒"), ("hua", "华"), ("mo", "莫墨"), ("niu", "牛"), ("gu", "顾谷古"),
        ("shao", "邵绍"), ("wan", "万"), ("tan", "谭"), ("lai", "赖来"), ("jia", "贾嘉佳家"), ("xue", "薛"), ("yin", "尹殷银"),
        ("ke", "柯克可"), ("ou", "欧"), ("dai", "戴"), ("xiu", "秀修"), ("di", "迪笛"), ("bei", "贝"), ("la", "拉"), ("ke", "克"),
        ("ao", "奥傲"), ("ba", "巴"), ("nuo", "诺"), ("sa", "萨"), ("si", "斯思"), ("te", "特"), ("er", "尔"), ("ka", "卡"),
        ("mu", "穆木"), ("nan", "南楠"), ("pu", "普"), ("tai", "泰"), ("kun", "坤昆"), ("lun", "伦"), ("yue", "月越岳悦"),
    ];

    // Declared after the pinyin table: static fields initialise in order.
    private static readonly FrozenDictionary<char, string> Table = Build();
}
