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
        new("chinese", ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀英", "华", "平", "刚", "桂英", "建华", "志强", "晓明", "海燕", "玉兰", "春梅", "国庆", "丹", "鑫", "宇航", "子涵", "浩然", "欣怡", "梓萱", "思远", "子轩", "一诺", "佳怡", "雨桐", "俊杰", "婷婷", "建国", "红梅", "文博", "嘉怡", "晨", "欢", "斌", "亮"],
            ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎", "余", "潘", "杜", "戴", "夏", "钟"], "family-given", ""),
        new("japanese-kanji", ["翔太", "大輝", "健太", "拓也", "直樹", "和也", "達也", "浩二", "誠", "隆", "美咲", "陽子", "恵子", "裕子", "真由美", "由美", "愛", "彩", "優子", "明美", "健一", "太郎", "一郎", "修", "博之", "雅人", "奈々", "千尋", "恵美", "智子", "大翔", "蓮", "悠真", "陽翔", "湊", "結衣", "陽菜", "凛", "葵", "結菜", "健二", "康介", "亮", "俊介", "沙織", "麻衣", "舞", "香織", "理恵", "光"],
            ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐々木", "山口", "松本", "井上", "木村", "林", "斎藤", "清水", "山崎", "森", "池田", "橋本", "阿部", "石川", "前田", "藤田", "小川", "岡田", "山下", "中島", "石井", "小野", "村上", "上田", "原田", "竹内", "遠藤", "青木", "坂本", "西村", "福田", "太田", "藤井", "岡本", "松田", "中川", "中野", "原"], "family-given", ""),
        new("japanese-kana", ["さくら", "ひなた", "ゆい", "あおい", "はると", "そうた", "ゆうき", "まこと", "ひろし", "あきら", "みどり", "かおり", "ケンジ", "ユウタ", "アヤ", "ミキ", "エミ", "ナオミ", "リョウ", "タクミ", "はるか", "ななみ", "みさき", "ゆうな", "りん", "かいと", "れん", "だいき", "しょう", "けんた", "ヒロキ", "マサト", "ユキ", "サキ", "レイ", "カナ", "ショウタ", "ダイスケ", "アユミ", "マイ", "そら", "ひかり", "あかり", "つばさ", "ゆうと", "コウキ", "ミユ", "ハルナ", "リク", "アキコ"],
            ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "松本", "井上", "木村", "林", "清水", "森", "池田", "石川", "佐々木", "山口", "斎藤", "山崎", "橋本", "阿部", "前田", "藤田", "小川", "岡田", "後藤", "長谷川", "村田", "近藤", "石田", "坂口", "遠藤", "青木", "西村", "藤原"], "family-given", ""),
        new("korean", ["민준", "서준", "도윤", "예준", "시우", "하준", "지호", "서연", "서윤", "지우", "하은", "민서", "지민", "수빈", "현우", "동현", "영수", "영희", "철수", "미경", "정훈", "성민", "혜진", "은지", "주원", "지훈", "준서", "건우", "우진", "선우", "유준", "연우", "은우", "지안", "수아", "하윤", "지유", "채원", "지아", "다은", "예은", "윤서", "소연", "민지", "상훈", "재현", "경민", "태희", "보람", "승현", "다현", "유진", "세영", "준영", "태윤", "나연", "소희", "재민", "한결", "가은"],
            ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권", "황", "안", "송", "류", "홍", "전", "고", "문", "양", "손", "배", "백", "허", "유", "남", "심", "노", "하", "곽", "성", "차", "주", "우", "구", "민"], "family-given", ""),
        new("arabic", ["يوسف", "عمر", "خالد", "طارق", "مازن", "سامر", "باسل", "وسيم", "أنس", "جواد", "نور", "سارة", "ريم", "دينا", "لينا", "هالة", "عادل", "ماهر", "غسان", "رائد", "كمال", "منير", "هاني", "نادر", "فادي", "زياد", "بلال", "هشام", "ناصر", "وائل", "رامي", "عماد", "سليم", "جمال", "رنا", "سلمى", "ياسمين", "هبة", "منى", "نادين"],
            ["العلي", "الخطيب", "الزين", "الشامي", "المصري", "العمري", "الحسيني", "الرفاعي", "الشريف", "القاسم", "الطويل", "العبدالله", "الجمال", "الصباغ", "الحلاق", "الدباغ", "الكردي", "عيسى", "موسى", "يونس", "داود", "شاهين", "سلامة", "عودة", "الحداد", "النجار", "الخياط", "البزاز", "العطار", "السقا", "الحلبي", "الحمصي", "البغدادي", "التميمي", "حداد", "نصار", "عساف", "خوري", "منصور", "حبيب"]),
        new("persian", ["امیر", "آرمان", "بهرام", "پویا", "سینا", "کامیار", "نیما", "پدرام", "میلاد", "سامان", "مهسا", "نازنین", "سارا", "الهام", "فرشته", "لیلا", "مینا", "ترانه", "بهاره", "یاسمن", "شهرام", "کیوان", "رامین", "مهرداد", "آرش", "بابک", "داریوش", "فرهاد", "حمید", "مسعود", "مجید", "رضا", "سپیده", "شیرین", "نسرین", "پریسا", "آزاده", "نگار", "رویا", "گلناز"],
            ["احمدی", "حسینی", "رضایی", "موسوی", "محمدی", "کریمی", "حیدری", "اکبری", "نجفی", "قاسمی", "رستمی", "عباسی", "زمانی", "یزدانی", "صفوی", "بهرامی", "پورمحمد", "نیکنام", "شکوهی", "فاضلی", "امینی", "طاهری", "سلیمانی", "مختاری", "جعفری", "صادقی", "کاظمی", "رحیمی", "شریفی", "نوری", "اسدی", "جلالی", "کرمانی", "شیرازی", "تهرانی", "افشار", "بهبهانی", "فرهادی", "خسروی", "منصوری"]),
        new("urdu", ["احمد", "علی", "حسن", "زین", "حمزہ", "عاطف", "نعمان", "راشد", "ساجد", "طلحہ", "مریم", "زینب", "سعدیہ", "رابعہ", "کرن", "صبا", "نادیہ", "شازیہ", "وقاص", "فہد", "جنید", "سلمان", "عمران", "بلال", "عثمان", "فیصل", "کامران", "عرفان", "شاہد", "آصف", "ثاقب", "عدنان", "عائشہ", "فاطمہ", "حنا", "ثناء", "عظمیٰ", "رخسانہ", "بشریٰ", "سمیرا"],
            ["چوہدری", "قریشی", "ملک", "بٹ", "صدیقی", "مرزا", "بیگ", "عباسی", "بھٹی", "نیازی", "اعوان", "راجپوت", "گوندل", "کیانی", "خٹک", "یوسفزئی", "آفریدی", "لودھی", "ترین", "جتوئی", "شیخ", "خان", "جعفری", "ہاشمی", "گیلانی", "بخاری", "رضوی", "نقوی", "انصاری", "چیمہ", "وڑائچ", "ورک", "ملہی", "سندھو", "باجوہ", "کھوسہ", "لغاری", "مزاری", "درانی", "اکبر"]),
        new("russian", ["Алексей", "Дмитрий", "Сергей", "Андрей", "Михаил", "Иван", "Николай", "Павел", "Егор", "Кирилл", "Анна", "Мария", "Елена", "Ольга", "Татьяна", "Светлана", "Ксения", "Дарья", "Глеб", "Тимур", "Вадим", "Лев", "Александр", "Максим", "Артём", "Владимир", "Евгений", "Роман", "Олег", "Юрий", "Антон", "Денис", "Наталья", "Ирина", "Юлия", "Екатерина", "Галина", "Людмила", "Вера", "Полина"],
            ["Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв", "Сергеев", "Фролов", "Александров", "Дмитриев", "Королёв", "Гусев", "Киселёв", "Ильин", "Максимов"]),
        new("hindi", ["राहुल", "अमित", "सुनील", "अनिल", "विजय", "संजय", "राजेश", "मनोज", "दीपक", "अजय", "प्रिया", "पूजा", "नेहा", "अंजलि", "सुनीता", "कविता", "रेखा", "आरती", "विकास", "रोहित", "अर्जुन", "कृष्णा", "सुरेश", "रमेश", "महेश", "आकाश", "आदित्य", "गौरव", "नितिन", "प्रकाश", "सचिन", "वरुण", "सीमा", "ममता", "स्वाति", "निशा", "ज्योति", "रश्मि", "शालिनी", "मीना"],
            ["शर्मा", "वर्मा", "गुप्ता", "सिंह", "कुमार", "यादव", "पटेल", "मिश्रा", "तिवारी", "पांडे", "जोशी", "चौहान", "अग्रवाल", "श्रीवास्तव", "सक्सेना", "मेहता", "त्रिपाठी", "दुबे", "ठाकुर", "नायर", "चौधरी", "रेड्डी", "राव", "नायडू", "भट्ट", "बनर्जी", "चटर्जी", "मुखर्जी", "दास", "घोष", "बोस", "सेन", "कपूर", "मल्होत्रा", "खन्ना", "अरोड़ा", "भाटिया", "जैन", "देसाई", "कुलकर्णी"]),
        new("thai", ["สมชาย", "สมศักดิ์", "ประเสริฐ", "วิชัย", "สุชาติ", "อนุชา", "ธนพล", "ณัฐพล", "กิตติ", "ชัยวัฒน์", "สุภาพร", "วันเพ็ญ", "มาลี", "ศิริพร", "นภา", "กาญจนา", "อรทัย", "ปิยะ", "พิมพ์ชนก", "จิราพร", "สมพงษ์", "สมบัติ", "สุรชัย", "วีระ", "ธีระ", "พงศกร", "ภานุวัฒน์", "อภิชาติ", "เกียรติศักดิ์", "ศุภชัย", "นิภา", "สมหญิง", "ลำดวน", "รัชนี", "ปราณี", "อัญชลี", "วิไล", "บุษบา", "ดวงใจ", "ชนิดา"],
            ["สุขสวัสดิ์", "ศรีสุข", "แสงทอง", "บุญมา", "ทองดี", "วงศ์ไทย", "จันทร์เพ็ญ", "ประเสริฐศรี", "รัตนวงศ์", "พรหมมา", "สายทอง", "มีสุข", "ใจดี", "ศักดิ์ดี", "เพชรรัตน์", "ทองคำ", "แก้วมณี", "บุญเรือง", "ศรีสวัสดิ์", "ทองมา", "สมบูรณ์", "บุญยืน", "แสงจันทร์", "พึ่งบุญ", "เจริญสุข", "สุวรรณ", "อินทร์แก้ว", "ชัยมงคล", "วงศ์สวัสดิ์", "ธนากร", "ปัญญาดี", "รุ่งเรือง", "ศรีวงศ์", "มณีรัตน์", "พูลสวัสดิ์", "ทองประเสริฐ", "สิทธิชัย", "กิจเจริญ", "บุญประเสริฐ", "นาคสุข"]),
        new("spanish", ["Alejandro", "Javier", "Diego", "Pablo", "Sergio", "Álvaro", "Adrián", "Rubén", "Iván", "Marcos", "Lucía", "Carmen", "Elena", "Paula", "Marta", "Sara", "Nerea", "Irene", "Rocío", "Pilar", "Gonzalo", "Íñigo", "Carlos", "Manuel", "Francisco", "Antonio", "Jorge", "Luis", "Raúl", "Fernando", "Ignacio", "Andrés", "Laura", "Cristina", "Beatriz", "Silvia", "Nuria", "Raquel", "Alba", "Ainhoa"],
            ["García", "López", "Hernández", "González", "Navarro", "Ruiz", "Jiménez", "Moreno", "Muñoz", "Álvarez", "Romero", "Alonso", "Gutiérrez", "Serrano", "Blanco", "Molina", "Delgado", "Castro", "Ortega", "Rubio", "Marín", "Sanz", "Iglesias", "Garrido", "Martínez", "Sánchez", "Pérez", "Gómez", "Martín", "Díaz", "Vázquez", "Ramos", "Gil", "Ramírez", "Torres", "Domínguez", "Suárez", "Vidal", "Cano", "Prieto"]),
        new("portuguese", ["João", "Pedro", "Tiago", "Rui", "Nuno", "Gonçalo", "Duarte", "Rodrigo", "Afonso", "Vasco", "Beatriz", "Inês", "Leonor", "Mariana", "Joana", "Rita", "Catarina", "Francisca", "Matilde", "Sofia", "Luís", "Vítor", "Miguel", "Diogo", "Bruno", "Ricardo", "André", "Bernardo", "Henrique", "Fábio", "Hugo", "Filipe", "Carolina", "Ana", "Marta", "Raquel", "Helena", "Patrícia", "Teresa", "Lúcia"],
            ["Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins", "Jesus", "Sousa", "Fernandes", "Gonçalves", "Gomes", "Lopes", "Marques", "Almeida", "Ribeiro", "Pinto", "Carvalho", "Teixeira", "Moreira", "Correia", "Mendes", "Nunes", "Araújo", "Barbosa", "Cardoso", "Cunha", "Fonseca", "Machado", "Monteiro", "Rocha", "Soares", "Vieira", "Azevedo", "Lima", "Tavares", "Matos", "Castro", "Reis"]),
        new("french", ["Jean", "Pierre", "Michel", "Philippe", "Alain", "Nicolas", "Christophe", "Sébastien", "Julien", "Mathieu", "Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Céline", "Aurélie", "Camille", "Chloé", "Manon", "Benoît", "Thibault", "François", "Laurent", "Olivier", "Éric", "Stéphane", "Guillaume", "Antoine", "Vincent", "Maxime", "Romain", "Sophie", "Valérie", "Sandrine", "Émilie", "Julie", "Pauline", "Margaux", "Hélène"],
            ["Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "Bonnet", "Mercier", "Chevalier", "Dubois", "Lambert", "Fontaine", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Faure", "André", "Gauthier", "Perrin", "Morin", "Clément", "Dumont", "Lemaire"]),
        new("turkish", ["Mehmet", "Mustafa", "Ahmet", "Hüseyin", "Hasan", "İbrahim", "Emre", "Burak", "Murat", "Serkan", "Ayşe", "Fatma", "Emine", "Zeynep", "Elif", "Özlem", "Gül", "Merve", "Büşra", "Deniz", "Oğuz", "Çağlar", "Ali", "Yusuf", "Ömer", "Kemal", "Cem", "Volkan", "Tolga", "Hakan", "Onur", "Kerem", "Hatice", "Esra", "Selin", "Ebru", "Sevgi", "Derya", "Aslı", "Tuğba"],
            ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın", "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan", "Şimşek", "Polat", "Erdem", "Aksoy", "Güneş", "Tekin", "Acar", "Başaran", "Korkmaz", "Güler", "Uçar", "Bulut", "Keskin", "Tunç", "Karaca", "Erdoğan", "Bozkurt", "Ünal", "Sarı", "Yavuz", "Avcı"]),
        new("indonesian", ["Budi", "Agus", "Joko", "Dewi", "Sri", "Wahyu", "Eko", "Rizky", "Putri", "Adi", "Bambang", "Hendra", "Indah", "Ayu", "Fajar", "Dimas", "Yudi", "Ratna", "Siti", "Wulan", "Bayu", "Arief", "Andi", "Rudi", "Slamet", "Hadi", "Iwan", "Dedi", "Teguh", "Yusuf", "Rahmat", "Irfan", "Nur", "Lestari", "Fitri", "Rina", "Wati", "Yuni", "Sari", "Nia"],
            ["Santoso", "Wijaya", "Saputra", "Pratama", "Hidayat", "Kusuma", "Setiawan", "Nugroho", "Gunawan", "Susanto", "Wibowo", "Purnomo", "Hartono", "Siregar", "Nasution", "Simanjuntak", "Lubis", "Harahap", "Sitompul", "Rahayu", "Suharto", "Halim", "Kurniawan", "Hakim", "Firmansyah", "Utomo", "Prasetyo", "Suryadi", "Sembiring", "Tarigan", "Ginting", "Manurung", "Pardede", "Panjaitan", "Tambunan", "Sinaga", "Situmorang", "Hutapea", "Wijayakusuma", "Permana"]),
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
