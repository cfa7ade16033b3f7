using System.Text;

namespace Jsms.Benchmarks;

/// <summary>
/// Generates the set of names of people who are not listed (data/non-listed-names.csv): given names
/// and family names of many cultures, in Latin letters and in their own scripts, combined with a fixed
/// seed. Namesakes of listed people (see <see cref="Namesakes"/>; listed with the count of each kind when
/// generating; only names of persons count) are left out: they cannot be said to
/// be "not listed".
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

    /// <summary>
    /// Recognises namesakes of listed people: a generated name is one when a listed name of two or more
    /// words has all its words in it (Ali Jafari, Ali Reza Jafari), or a listed name carries all of
    /// its words (in any order, possibly among more words: "Pavel Popov" is what a listed "Pavel
    /// Anatolievich Popov" is called day to day, "Abdul Ghani Turk" what "Abdul Ghani Baradar Abdul Ahmad
    /// Turk" is called, and name-pairs.csv counts such short forms as matches), or all of its words
    /// written as one ("Wang Weiming" is "Wang Wei Ming"), up to common romanisation differences (Tarek
    /// Aziz is Tariq Aziz: q/k, e/i, o/u, ou/u, ee/i, y/i, ph/f, kh/h, w/v, x/ks, doubled letters, a final
    /// h). Such a name is not "a person who is not listed": a screening must raise it.
    /// A name in Arabic script (Arabic, Persian, Urdu) writes no short vowels: its words are the same as a listed
    /// name's words when they are those words with some short vowels inside them left out (سليم منصور, read slim mnsur,
    /// is the listed Salim Mansur), every consonant there and in the same order, a doubled one written once. The
    /// vowels Arabic script writes must be there: a first or last vowel, and the long vowel or ya/waw that ends a
    /// pair of vowels (Saif is سيف, so عساف, read saf, is not Saif).
    /// </summary>
    internal sealed class Namesakes
    {
        private readonly Dictionary<string, List<int>> _byWord = new(StringComparer.Ordinal);
        private readonly HashSet<string> _joined = new(StringComparer.Ordinal);
        private readonly List<string[]> _names = [];

        // The listed names' words as folded, without the romanisation levelling of Words (which reads Sayf as saif).
        private readonly List<string[]> _folded = [];

        // Listed names by the consonants of each word, for names written in Arabic script (built on first need).
        private Dictionary<string, List<int>>? _byConsonants;

        public Namesakes(IEnumerable<string> listedNames)
        {
            foreach (var name in listedNames)
            {
                var words = Words(name);
                if (words.Length == 0)
                {
                    continue;
                }
                var id = _names.Count;
                _names.Add(words);
                _folded.Add(FoldedWords(name, arabicScript: false));
                foreach (var w in words.Distinct())
                {
                    (_byWord.TryGetValue(w, out var list) ? list : _byWord[w] = []).Add(id);
                }
                if (words.Length <= 4)
                {
                    foreach (var order in Permutations(words))
                    {
                        _joined.Add(string.Concat(order));
                    }
                }
            }
        }

        /// <summary>The listed name whose words include all of this name's words, or null.</summary>
        public string? Find(string name)
        {
            var words = Words(name);
            if (words.Length == 0)
            {
                return null;
            }
            if (words.Length <= 4 && Permutations(words).Any(p => _joined.Contains(string.Concat(p))))
            {
                return string.Join(' ', words);
            }
            var rarest = words.Select(w => _byWord.GetValueOrDefault(w)).MinBy(l => l?.Count ?? 0);
            foreach (var id in rarest ?? [])
            {
                var listed = _names[id].ToList();
                if (words.All(listed.Remove))
                {
                    return string.Join(' ', _names[id]);
                }
            }
            // The other way round: the listed name is the short form of this name (Ali Jafari, Ali Reza Jafari).
            foreach (var id in words.SelectMany(w => _byWord.GetValueOrDefault(w) ?? []).Distinct())
            {
                var mine = words.ToList();
                if (_names[id].Length >= 2 && _names[id].All(mine.Remove))
                {
                    return string.Join(' ', _names[id]);
                }
            }
            return IsArabicScript(name) ? FindWithoutShortVowels(FoldedWords(name, arabicScript: true)) : null;
        }

        /// <summary>
        /// The listed name whose words, some vowels left out, are all of this Arabic-script name's words (and the other
        /// way round for a listed short form), or null.
        /// </summary>
        private string? FindWithoutShortVowels(string[] words)
        {
            if (_byConsonants is null)
            {
                _byConsonants = new Dictionary<string, List<int>>(StringComparer.Ordinal);
                for (var id = 0; id < _folded.Count; id++)
                {
                    foreach (var w in _folded[id].Select(Consonants).Distinct())
                    {
                        (_byConsonants.TryGetValue(w, out var list) ? list : _byConsonants[w] = []).Add(id);
                    }
                }
            }
            foreach (var id in words.SelectMany(w => _byConsonants.GetValueOrDefault(Consonants(w)) ?? []).Distinct())
            {
                var listed = _folded[id];
                if (AllMatched(words, listed) || (listed.Length >= 2 && AllMatched(listed, words, swap: true)))
                {
                    return string.Join(' ', listed);
                }
            }
            return null;
        }

        /// <summary>Each of <paramref name="mine"/> is a distinct one of <paramref name="theirs"/> with short vowels left out.</summary>
        private static bool AllMatched(string[] mine, string[] theirs, bool swap = false)
        {
            var free = theirs.ToList();
            foreach (var w in mine)
            {
                var i = free.FindIndex(t => swap ? WithoutShortVowels(w, t) : WithoutShortVowels(t, w));
                if (i < 0)
                {
                    return false;
                }
                free.RemoveAt(i);
            }
            return true;
        }

        /// <summary>True when <paramref name="written"/> (Arabic script, transliterated) is <paramref name="full"/> with short vowels left out.</summary>
        private static bool WithoutShortVowels(string full, string written)
        {
            if (full == written)
            {
                return true;
            }
            var sb = new StringBuilder(full.Replace("ee", "i").Replace("oo", "u").Replace("ou", "u"));
            for (var k = sb.Length - 1; k > 0; k--)
            {
                if (sb[k] == sb[k - 1])
                {
                    sb.Remove(k, 1);
                }
            }
            var latin = sb.ToString();
            if (written.Length == 0 || latin.Length <= written.Length || latin[0] != written[0] || latin[^1] != written[^1])
            {
                return false;
            }
            var j = 0;
            for (var i = 0; i < latin.Length; i++)
            {
                if (j < written.Length && written[j] == latin[i])
                {
                    j++;
                }
                else if (!IsVowel(latin[i]) || (i > 0 && IsVowel(latin[i - 1]) && (i + 1 == latin.Length || !IsVowel(latin[i + 1]))))
                {
                    return false;
                }
            }
            return j == written.Length;
        }

        private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

        /// <summary>The words of a name folded to Latin, particles out, the article glued in Arabic script split off.</summary>
        private static string[] FoldedWords(string name, bool arabicScript)
            => [.. Jsms.Features.Screening.Matching.NameText.Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Where(w => w is not ("al" or "el" or "bin" or "ibn" or "abu" or "abd" or "abdul" or "abdel" or "ben"))
                .Select(w => w.Length > 4 && w.StartsWith("al", StringComparison.Ordinal) && arabicScript ? w[2..] : w)];

        private static string Consonants(string word) => RunsOnce(word.Where(c => !IsVowel(c)));

        private static string RunsOnce(IEnumerable<char> letters)
        {
            var sb = new StringBuilder();
            foreach (var c in letters)
            {
                if (sb.Length == 0 || sb[^1] != c)
                {
                    sb.Append(c);
                }
            }
            return sb.ToString();
        }

        private static bool IsArabicScript(string name) => name.Any(c => c is >= '\u0600' and <= '\u06FF');

        private static string[] Words(string name)
            => [.. Jsms.Features.Screening.Matching.NameText.Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Where(w => w is not ("al" or "el" or "bin" or "ibn" or "abu" or "abd" or "abdul" or "abdel")).Select(Romanised)];
    }

    private static string Romanised(string word)
    {
        if (word.Length <= 3)
        {
            // Short words are syllables (Jie is not Ji, Wu not Wo): only exact.
            return word;
        }
        var w = word.Replace("x", "ks").Replace("ou", "u").Replace("oo", "u").Replace("ee", "i").Replace("ph", "f").Replace("kh", "h").Replace("ck", "k")
            .Replace('q', 'k').Replace('e', 'i').Replace('o', 'u').Replace('y', 'i').Replace('w', 'v');
        var sb = new StringBuilder(w.Length);
        foreach (var c in w)
        {
            if (sb.Length == 0 || sb[^1] != c)
            {
                sb.Append(c);
            }
        }
        if (sb.Length > 2 && sb[^1] == 'h')
        {
            sb.Length--;
        }

        return sb.ToString();
    }

    private static IEnumerable<string[]> Permutations(string[] words)
    {
        if (words.Length <= 1)
        {
            yield return words;
            yield break;
        }
        for (var i = 0; i < words.Length; i++)
        {
            var rest = words.Where((_, j) => j != i).ToArray();
            foreach (var tail in Permutations(rest))
            {
                yield return [words[i], .. tail];
            }
        }
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
