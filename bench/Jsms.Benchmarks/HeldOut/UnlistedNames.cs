namespace Jsms.Benchmarks.HeldOut;

/// <summary>
/// Names of people who are not listed, per script or language, written in their own script: given
/// names and family names combined with a fixed seed. Namesakes of listed persons are left out by the
/// caller (<see cref="NonListedNames.Namesakes"/>): a screening must raise those.
/// </summary>
internal static class UnlistedNames
{
    /// <param name="Order">"family-given" writes the family name first (East Asian order, no space for Chinese and Japanese).</param>
    private sealed record Script(string Name, string[] Given, string[] Family, string Order = "given-family", string Separator = " ");

    private static readonly Script[] Scripts =
    [
        new("chinese", ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀英", "华", "平", "刚", "桂英", "建华", "志强", "晓明", "海燕", "玉兰", "春梅", "国庆", "丹", "鑫", "宇航", "子涵", "浩然", "欣怡", "梓萱", "思远"],
            ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁"], "family-given", ""),
        new("japanese-kanji", ["翔太", "大輝", "健太", "拓也", "直樹", "和也", "達也", "浩二", "誠", "隆", "美咲", "陽子", "恵子", "裕子", "真由美", "由美", "愛", "彩", "優子", "明美", "健一", "太郎", "一郎", "修", "博之", "雅人", "奈々", "千尋", "恵美", "智子"],
            ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐々木", "山口", "松本", "井上", "木村", "林", "斎藤", "清水", "山崎", "森", "池田", "橋本", "阿部", "石川", "前田", "藤田", "小川", "岡田"], "family-given", ""),
        new("japanese-kana", ["さくら", "ひなた", "ゆい", "あおい", "はると", "そうた", "ゆうき", "まこと", "ひろし", "あきら", "みどり", "かおり", "ケンジ", "ユウタ", "アヤ", "ミキ", "エミ", "ナオミ", "リョウ", "タクミ"],
            ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "松本", "井上", "木村", "林", "清水", "森", "池田", "石川"], "family-given", ""),
        new("korean", ["민준", "서준", "도윤", "예준", "시우", "하준", "지호", "서연", "서윤", "지우", "하은", "민서", "지민", "수빈", "현우", "동현", "영수", "영희", "철수", "미경", "정훈", "성민", "혜진", "은지"],
            ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안", "송", "류", "홍"], "family-given", ""),
        new("arabic", ["يوسف", "عمر", "خالد", "طارق", "مازن", "سامر", "باسل", "وسيم", "أنس", "جواد", "نور", "سارة", "ريم", "دينا", "لينا", "هالة", "عادل", "ماهر", "غسان", "رائد", "كمال", "منير", "هاني", "نادر"],
            ["العلي", "الخطيب", "الزين", "الشامي", "المصري", "العمري", "الحسيني", "الرفاعي", "الشريف", "القاسم", "الطويل", "العبدالله", "الجمال", "الصباغ", "الحلاق", "الدباغ", "الكردي", "عيسى", "موسى", "يونس", "داود", "شاهين", "سلامة", "عودة"]),
        new("persian", ["امیر", "آرمان", "بهرام", "پویا", "سینا", "کامیار", "نیما", "پدرام", "میلاد", "سامان", "مهسا", "نازنین", "سارا", "الهام", "فرشته", "لیلا", "مینا", "ترانه", "بهاره", "یاسمن", "شهرام", "کیوان", "رامین", "مهرداد"],
            ["احمدی", "حسینی", "رضایی", "موسوی", "محمدی", "کریمی", "حیدری", "اکبری", "نجفی", "قاسمی", "رستمی", "عباسی", "زمانی", "یزدانی", "صفوی", "بهرامی", "پورمحمد", "نیکنام", "شکوهی", "فاضلی", "امینی", "طاهری", "سلیمانی", "مختاری"]),
        new("urdu", ["احمد", "علی", "حسن", "زین", "حمزہ", "عاطف", "نعمان", "راشد", "ساجد", "طلحہ", "مریم", "زینب", "سعدیہ", "رابعہ", "کرن", "صبا", "نادیہ", "شازیہ", "وقاص", "فہد", "جنید", "سلمان"],
            ["چوہدری", "قریشی", "ملک", "بٹ", "صدیقی", "مرزا", "بیگ", "عباسی", "بھٹی", "نیازی", "اعوان", "راجپوت", "گوندل", "کیانی", "خٹک", "یوسفزئی", "آفریدی", "لودھی", "ترین", "جتوئی"]),
        new("russian", ["Алексей", "Дмитрий", "Сергей", "Андрей", "Михаил", "Иван", "Николай", "Павел", "Егор", "Кирилл", "Анна", "Мария", "Елена", "Ольга", "Татьяна", "Светлана", "Ксения", "Дарья", "Глеб", "Тимур", "Вадим", "Лев"],
            ["Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев"]),
        new("hindi", ["राहुल", "अमित", "सुनील", "अनिल", "विजय", "संजय", "राजेश", "मनोज", "दीपक", "अजय", "प्रिया", "पूजा", "नेहा", "अंजलि", "सुनीता", "कविता", "रेखा", "आरती", "विकास", "रोहित", "अर्जुन", "कृष्णा"],
            ["शर्मा", "वर्मा", "गुप्ता", "सिंह", "कुमार", "यादव", "पटेल", "मिश्रा", "तिवारी", "पांडे", "जोशी", "चौहान", "अग्रवाल", "श्रीवास्तव", "सक्सेना", "मेहता", "त्रिपाठी", "दुबे", "ठाकुर", "नायर"]),
        new("thai", ["สมชาย", "สมศักดิ์", "ประเสริฐ", "วิชัย", "สุชาติ", "อนุชา", "ธนพล", "ณัฐพล", "กิตติ", "ชัยวัฒน์", "สุภาพร", "วันเพ็ญ", "มาลี", "ศิริพร", "นภา", "กาญจนา", "อรทัย", "ปิยะ", "พิมพ์ชนก", "จิราพร"],
            ["สุขสวัสดิ์", "ศรีสุข", "แสงทอง", "บุญมา", "ทองดี", "วงศ์ไทย", "จันทร์เพ็ญ", "ประเสริฐศรี", "รัตนวงศ์", "พรหมมา", "สายทอง", "มีสุข", "ใจดี", "ศักดิ์ดี", "เพชรรัตน์", "ทองคำ", "แก้วมณี", "บุญเรือง"]),
        new("spanish", ["Alejandro", "Javier", "Diego", "Pablo", "Sergio", "Álvaro", "Adrián", "Rubén", "Iván", "Marcos", "Lucía", "Carmen", "Elena", "Paula", "Marta", "Sara", "Nerea", "Irene", "Rocío", "Pilar", "Gonzalo", "Íñigo"],
            ["García", "López", "Hernández", "González", "Navarro", "Ruiz", "Jiménez", "Moreno", "Muñoz", "Álvarez", "Romero", "Alonso", "Gutiérrez", "Serrano", "Blanco", "Molina", "Delgado", "Castro", "Ortega", "Rubio", "Marín", "Sanz", "Iglesias", "Garrido"]),
        new("portuguese", ["João", "Pedro", "Tiago", "Rui", "Nuno", "Gonçalo", "Duarte", "Rodrigo", "Afonso", "Vasco", "Beatriz", "Inês", "Leonor", "Mariana", "Joana", "Rita", "Catarina", "Francisca", "Matilde", "Sofia", "Luís", "Vítor"],
            ["Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins", "Jesus", "Sousa", "Fernandes", "Gonçalves", "Gomes", "Lopes", "Marques", "Almeida", "Ribeiro", "Pinto", "Carvalho", "Teixeira", "Moreira", "Correia", "Mendes", "Nunes"]),
        new("french", ["Jean", "Pierre", "Michel", "Philippe", "Alain", "Nicolas", "Christophe", "Sébastien", "Julien", "Mathieu", "Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Céline", "Aurélie", "Camille", "Chloé", "Manon", "Benoît", "Thibault"],
            ["Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "Bonnet", "Mercier", "Chevalier"]),
        new("turkish", ["Mehmet", "Mustafa", "Ahmet", "Hüseyin", "Hasan", "İbrahim", "Emre", "Burak", "Murat", "Serkan", "Ayşe", "Fatma", "Emine", "Zeynep", "Elif", "Özlem", "Gül", "Merve", "Büşra", "Deniz", "Oğuz", "Çağlar"],
            ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın", "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan", "Şimşek", "Polat", "Erdem"]),
        new("indonesian", ["Budi", "Agus", "Joko", "Dewi", "Sri", "Wahyu", "Eko", "Rizky", "Putri", "Adi", "Bambang", "Hendra", "Indah", "Ayu", "Fajar", "Dimas", "Yudi", "Ratna", "Siti", "Wulan", "Bayu", "Arief"],
            ["Santoso", "Wijaya", "Saputra", "Pratama", "Hidayat", "Kusuma", "Setiawan", "Nugroho", "Gunawan", "Susanto", "Wibowo", "Purnomo", "Hartono", "Siregar", "Nasution", "Simanjuntak", "Lubis", "Harahap", "Sitompul", "Rahayu", "Suharto", "Halim"]),
    ];

    public static IEnumerable<string> ScriptNames => Scripts.Select(s => s.Name);

    /// <summary>Up to <paramref name="perScript"/> distinct names per script, namesakes of listed persons left out.</summary>
    public static List<(string Name, string Script)> Generate(int perScript, Func<string, bool> isNamesake)
    {
        var random = new Random(2312);
        var names = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var script in Scripts)
        {
            var made = 0;
            for (var attempt = 0; made < perScript && attempt < perScript * 30; attempt++)
            {
                var given = script.Given[random.Next(script.Given.Length)];
                if (script.Order == "given-family" && random.Next(4) == 0)
                {
                    // A second given name, as many of these languages write them.
                    given += " " + script.Given[random.Next(script.Given.Length)];
                }
                var family = script.Family[random.Next(script.Family.Length)];
                if (script.Name is "spanish" or "portuguese" && random.Next(2) == 0)
                {
                    family += " " + script.Family[random.Next(script.Family.Length)];
                }
                var name = script.Order == "family-given" ? family + script.Separator + given : given + " " + family;
                if (!seen.Add(name) || isNamesake(name))
                {
                    continue;
                }
                names.Add((name, script.Name));
                made++;
            }
        }
        return names;
    }
}
