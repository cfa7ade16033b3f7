using System.Text;

namespace Jsms.Benchmarks;

/// <summary>
/// Generates the set of names of people who are not listed (data/non-listed-names.csv): given names
/// and family names of many cultures, in Latin letters and in their own scripts, combined with a fixed
/// seed. Names whose words are exactly those of a listed name are left out (namesakes of listed people
/// cannot be said to be "not listed").
/// </summary>
internal static class NonListedNames
{
    private sealed record Culture(string Name, string[] Given, string[] Family, bool ThreeParts = false);

    private static readonly Culture[] Cultures =
    [
        new("arabic", ["Youssef", "Karim", "Tarek", "Nabil", "Samir", "Walid", "Fadi", "Rami", "Hisham", "Bassam", "Ziad", "Majed", "Nasser", "Adel", "Fawzi", "Layla", "Rania", "Huda", "Mona", "Salma"],
            ["Haddad", "Khoury", "Nassar", "Saleh", "Mansour", "Barakat", "Aziz", "Hamdan", "Qasem", "Sabbagh", "Tamimi", "Jaber", "Darwish", "Shami", "Halabi", "Najjar", "Khalil", "Farouk", "Bitar", "Suleiman"], true),
        new("arabic-script", ["يوسف", "كريم", "طارق", "نبيل", "سمير", "وليد", "فادي", "رامي", "هشام", "زياد", "ليلى", "رانيا", "هدى", "منى", "سلمى"],
            ["حداد", "خوري", "نصار", "صالح", "بركات", "حمدان", "صباغ", "جابر", "درويش", "الحلبي", "النجار", "خليل", "البيطار", "سليمان"], true),
        new("persian", ["Reza", "Ali Reza", "Mehdi", "Hossein", "Dariush", "Kourosh", "Babak", "Farhad", "Arash", "Siavash", "Maryam", "Shirin", "Parisa", "Niloufar", "Roya"],
            ["Karimi", "Rahimi", "Tehrani", "Shirazi", "Moradi", "Jafari", "Sadeghi", "Ghorbani", "Kazemi", "Farahani", "Esfahani", "Mohammadi", "Nouri", "Bagheri", "Hashemi"]),
        new("persian-script", ["رضا", "مهدی", "حسین", "داریوش", "کوروش", "بابک", "فرهاد", "آرش", "سیاوش", "مریم", "شیرین", "پریسا", "نیلوفر"],
            ["کریمی", "رحیمی", "تهرانی", "شیرازی", "مرادی", "جعفری", "صادقی", "قربانی", "کاظمی", "فراهانی", "نوری", "باقری"]),
        new("urdu", ["Imran", "Bilal", "Faisal", "Usman", "Kamran", "Adnan", "Zeeshan", "Shahid", "Asif", "Waqar", "Ayesha", "Fatima", "Sana", "Hina", "Nida"],
            ["Chaudhry", "Qureshi", "Malik", "Butt", "Siddiqui", "Sheikh", "Mirza", "Baig", "Abbasi", "Rajput", "Awan", "Bhatti", "Gondal", "Kiani", "Niazi"]),
        new("urdu-script", ["عمران", "بلال", "فیصل", "عثمان", "کامران", "عدنان", "شاہد", "آصف", "عائشہ", "فاطمہ", "ثنا"],
            ["چوہدری", "قریشی", "ملک", "بٹ", "صدیقی", "مرزا", "بیگ", "عباسی", "بھٹی", "نیازی"]),
        new("russian", ["Dmitri", "Aleksei", "Pavel", "Yuri", "Oleg", "Konstantin", "Maksim", "Artem", "Anton", "Roman", "Olga", "Tatiana", "Irina", "Natalia", "Yelena"],
            ["Smirnov", "Kuznetsov", "Popov", "Sokolov", "Lebedev", "Kozlov", "Novikov", "Morozov", "Volkov", "Solovyov", "Vasiliev", "Zaitsev", "Pavlov", "Semyonov", "Golubev"]),
        new("russian-script", ["Дмитрий", "Алексей", "Павел", "Юрий", "Олег", "Константин", "Максим", "Артём", "Антон", "Роман", "Ольга", "Татьяна", "Ирина", "Наталья"],
            ["Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Козлов", "Новиков", "Морозов", "Волков", "Соловьёв", "Зайцев", "Павлов", "Голубев"]),
        new("chinese", ["Wei", "Fang", "Min", "Jing", "Lei", "Jun", "Yong", "Jie", "Tao", "Ming", "Hui", "Xin", "Yan", "Bo", "Hao"],
            ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu"]),
        new("chinese-script", ["伟", "芳", "敏", "静", "磊", "军", "勇", "杰", "涛", "明", "慧", "欣", "燕", "博", "浩"],
            ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡"]),
        new("indian", ["Rahul", "Amit", "Vikram", "Sanjay", "Arjun", "Rohan", "Suresh", "Anil", "Priya", "Anjali", "Deepa", "Kavita", "Neha", "Pooja", "Lakshmi"],
            ["Sharma", "Verma", "Gupta", "Patel", "Reddy", "Nair", "Iyer", "Menon", "Joshi", "Kulkarni", "Desai", "Banerjee", "Chatterjee", "Mehta", "Pillai"]),
        new("african", ["Kwame", "Kofi", "Chinedu", "Oluwaseun", "Babajide", "Tendai", "Sipho", "Thabo", "Jabari", "Baraka", "Amara", "Ngozi", "Zanele", "Wanjiru", "Abebe"],
            ["Mensah", "Owusu", "Okafor", "Adeyemi", "Okonkwo", "Moyo", "Dlamini", "Nkosi", "Mwangi", "Otieno", "Kamau", "Bekele", "Tesfaye", "Diallo", "Traore"]),
        new("european", ["Thomas", "Stefan", "Pierre", "Luca", "Marco", "Jan", "Piotr", "Lars", "Henrik", "Oliver", "Sophie", "Claire", "Giulia", "Anna", "Katarzyna"],
            ["Müller", "Schneider", "Fischer", "Dubois", "Lefebvre", "Rossi", "Bianchi", "Kowalski", "Nowak", "Jensen", "Hansen", "Smith", "Taylor", "Van Dijk", "De Vries"]),
        new("latin-american", ["Alejandro", "Santiago", "Mateo", "Diego", "Javier", "Andrés", "Camila", "Valentina", "Lucía", "Mariana", "Ximena", "Sofía", "Rodrigo", "Emilio", "Joaquín"],
            ["Fernández", "Rodríguez", "Gómez", "Martínez", "Pérez", "Sánchez", "Ramírez", "Torres", "Flores", "Rivera", "Morales", "Ortiz", "Castillo", "Vargas", "Mendoza"], true),
    ];

    public static List<(string Name, string Culture)> Generate(int perCulture, Func<string, bool> isListed)
    {
        var random = new Random(2026);
        var names = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var culture in Cultures)
        {
            var made = 0;
            for (var attempt = 0; made < perCulture && attempt < perCulture * 20; attempt++)
            {
                var given = culture.Given[random.Next(culture.Given.Length)];
                var family = culture.Family[random.Next(culture.Family.Length)];
                var name = culture.Name switch
                {
                    "chinese-script" => family + given + (random.Next(2) == 0 ? culture.Given[random.Next(culture.Given.Length)] : ""),
                    "chinese" => family + " " + given + (random.Next(2) == 0 ? culture.Given[random.Next(culture.Given.Length)].ToLowerInvariant() : ""),
                    _ when culture.ThreeParts && random.Next(2) == 0 => given + " " + culture.Given[random.Next(culture.Given.Length)] + " " + family,
                    _ => given + " " + family,
                };
                if (!seen.Add(name) || isListed(name))
                {
                    continue;
                }
                names.Add((name, culture.Name));
                made++;
            }
        }
        return names;
    }

    public static void Write(string path, List<(string Name, string Culture)> names)
    {
        var sb = new StringBuilder("name,culture\n");
        foreach (var (name, culture) in names)
        {
            sb.Append(name).Append(',').Append(culture).Append('\n');
        }
        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
    }
}
