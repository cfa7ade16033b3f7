using System.Collections.Frozen;

namespace Jsms.Features.Screening.Matching;

/// <summary>
/// Tells a Japanese name written in kanji from a Chinese one: kana anywhere, the iteration mark 々,
/// characters only Japanese writes (辺, 沢, 畑...), a common Japanese family name at the start, a
/// given name of a Japanese shape (…子, …郎, …彦), or four characters or more. The pinyin table would
/// read such a name as Mandarin syllables, which match Chinese names they have nothing to do with.
/// </summary>
internal static class JapaneseNames
{
    private static readonly string[] FamilyNames =
    [
        "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "渡部", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐々木", "山口", "松本", "井上",
        "木村", "斎藤", "斉藤", "清水", "山崎", "池田", "橋本", "阿部", "石川", "山下", "中島", "石井", "小川", "前田", "岡田", "長谷川", "藤田",
        "後藤", "近藤", "村上", "遠藤", "青木", "坂本", "福田", "太田", "西村", "藤井", "金子", "岡本", "藤原", "中野", "三浦", "原田", "中川",
        "松田", "竹内", "小野", "田村", "中山", "和田", "石田", "森田", "上田", "柴田", "酒井", "工藤", "横山", "宮崎", "宮本", "内田", "高木",
        "安藤", "島田", "谷口", "大野", "丸山", "今井", "河野", "藤本", "村田", "武田", "上野", "杉山", "増田", "小山", "大塚", "平野", "菅原",
        "久保", "松井", "千葉", "岩崎", "桜井", "木下", "野口", "松尾", "菊地", "野村", "新井", "渡邊", "鈴村", "森本", "小島", "吉川", "井口",
    ];

    private static readonly FrozenSet<char> JapaneseOnly = FrozenSet.Create('辺', '沢', '斎', '広', '浜', '恵', '桜', '竜', '滝', '畑', '込', '峠', '栃', '働', '榊', '邊', '﨑', '徳', '瀬', '奈');

    private static readonly FrozenSet<char> GivenNameEndings = FrozenSet.Create('子', '郎', '彦', '介', '也', '朗', '雄', '夫', '輝', '樹', '翔');

    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    private static bool IsKana(char c) => c is >= '\u3040' and <= '\u30FF' or >= '\u31F0' and <= '\u31FF' or >= '\uFF66' and <= '\uFF9F';

    /// <summary>True when the name, written with kanji or kana, is Japanese rather than Chinese.</summary>
    public static bool IsJapanese(string text)
    {
        var run = 0;
        var longest = 0;
        var hasHan = false;
        foreach (var c in text)
        {
            if (IsKana(c) || c == '々' || JapaneseOnly.Contains(c))
            {
                return true;
            }
            if (IsHan(c))
            {
                hasHan = true;
                longest = Math.Max(longest, ++run);
            }
            else
            {
                run = 0;
            }
        }
        if (!hasHan)
        {
            return false;
        }
        var trimmed = text.Trim();
        foreach (var family in FamilyNames)
        {
            if (trimmed.StartsWith(family, StringComparison.Ordinal) && trimmed.Length > family.Length)
            {
                return true;
            }
        }
        // Chinese personal names have two or three characters (four with a rare double family name).
        var last = trimmed.Length > 0 ? trimmed[^1] : ' ';
        return longest >= 4 || (longest == 3 && GivenNameEndings.Contains(last));
    }
}
