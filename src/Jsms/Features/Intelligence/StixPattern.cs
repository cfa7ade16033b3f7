using System.Text.RegularExpressions;

namespace Jsms.Features.Intelligence;

/// <summary>
/// A basic syntax check of STIX 2.1 patterns (STIX 2.1 part 9): observation expressions in brackets joined by AND, OR,
/// FOLLOWEDBY, with WITHIN/REPEATS/START..STOP qualifiers; comparisons <c>object-type:path op value</c> joined by AND/OR.
/// It does not check that object types or paths exist: that is what the indicator's consumers do.
/// </summary>
internal static partial class StixPattern
{
    [GeneratedRegex(@"\G\s*(?:(?<str>'(?:[^'\\]|\\.)*')|(?<lit>[thb]'(?:[^'\\]|\\.)*')|(?<num>-?\d+(?:\.\d+)?)|(?<op>!=|<=|>=|=|<|>)|(?<punct>[\[\]\(\),])|(?<path>[a-z0-9][a-z0-9-]*:[A-Za-z0-9_\-]+(?:\.[A-Za-z0-9_\-]+|\.'(?:[^'\\]|\\.)*'|\[(?:\d+|\*)\])*)|(?<word>[A-Za-z]+))\s*")]
    private static partial Regex Token();

    private static readonly string[] Kinds = ["str", "lit", "num", "op", "punct", "path", "word"];

    private static readonly HashSet<string> WordOperators = ["IN", "LIKE", "MATCHES", "ISSUBSET", "ISSUPERSET"];

    /// <summary>Null when the pattern reads as a STIX pattern, else what is wrong.</summary>
    public static string? Check(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return "the pattern is empty";
        }
        if (pattern.Length > 10000)
        {
            return "the pattern is longer than 10,000 characters";
        }
        var tokens = new List<(string Kind, string Text)>();
        var at = 0;
        while (at < pattern.Length)
        {
            var m = Token().Match(pattern, at);
            if (!m.Success || m.Length == 0)
            {
                return $"unexpected text at position {at}: '{Excerpt(pattern, at)}'";
            }
            var kind = Kinds.First(g => m.Groups[g].Success);
            tokens.Add((kind, m.Groups[kind].Value));
            at += m.Length;
        }
        var parser = new Parser(tokens);
        try
        {
            parser.Observation();
            if (!parser.AtEnd)
            {
                return $"unexpected '{parser.Current}' after a complete pattern";
            }
            return null;
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }

    private static string Excerpt(string text, int at) => text.Length - at > 20 ? string.Concat(text.AsSpan(at, 20), "…") : text[at..];

    private sealed class Parser(List<(string Kind, string Text)> tokens)
    {
        private int _i;

        public bool AtEnd => _i >= tokens.Count;

        public string Current => AtEnd ? "end of pattern" : tokens[_i].Text;

        private bool IsWord(string word) => !AtEnd && tokens[_i].Kind == "word" && tokens[_i].Text.Equals(word, StringComparison.Ordinal);

        private bool Is(string text) => !AtEnd && tokens[_i].Kind == "punct" && tokens[_i].Text == text;

        private void Expect(string text)
        {
            if (!Is(text))
            {
                throw new FormatException($"expected '{text}' but found '{Current}'");
            }
            _i++;
        }

        private string Take(string kind, string what)
        {
            if (AtEnd || tokens[_i].Kind != kind)
            {
                throw new FormatException($"expected {what} but found '{Current}'");
            }
            return tokens[_i++].Text;
        }

        public void Observation()
        {
            ObservationTerm();
            while (IsWord("AND") || IsWord("OR") || IsWord("FOLLOWEDBY"))
            {
                _i++;
                ObservationTerm();
            }
        }

        private void ObservationTerm()
        {
            if (Is("("))
            {
                _i++;
                Observation();
                Expect(")");
            }
            else if (Is("["))
            {
                _i++;
                Comparison();
                Expect("]");
            }
            else
            {
                throw new FormatException($"expected '[' to open an observation expression but found '{Current}'");
            }
            Qualifiers();
        }

        private void Qualifiers()
        {
            while (true)
            {
                if (IsWord("WITHIN"))
                {
                    _i++;
                    Take("num", "a number of seconds");
                    ExpectWord("SECONDS");
                }
                else if (IsWord("REPEATS"))
                {
                    _i++;
                    Take("num", "a number of times");
                    ExpectWord("TIMES");
                }
                else if (IsWord("START"))
                {
                    _i++;
                    TakeTimestamp();
                    ExpectWord("STOP");
                    TakeTimestamp();
                }
                else
                {
                    return;
                }
            }
        }

        private void TakeTimestamp()
        {
            var text = Take("lit", "a timestamp t'...'");
            if (text[0] != 't' || !StixTime.TryParse(text[2..^1], out _))
            {
                throw new FormatException($"'{text}' is not a timestamp literal t'YYYY-MM-DDThh:mm:ssZ'");
            }
        }

        private void ExpectWord(string word)
        {
            if (!IsWord(word))
            {
                throw new FormatException($"expected {word} but found '{Current}'");
            }
            _i++;
        }

        private void Comparison()
        {
            ComparisonTerm();
            while (IsWord("AND") || IsWord("OR"))
            {
                _i++;
                ComparisonTerm();
            }
        }

        private void ComparisonTerm()
        {
            if (Is("("))
            {
                _i++;
                Comparison();
                Expect(")");
                return;
            }
            Take("path", "an object path such as ipv4-addr:value");
            if (IsWord("NOT"))
            {
                _i++;
            }
            if (!AtEnd && tokens[_i].Kind == "op")
            {
                _i++;
            }
            else if (!AtEnd && tokens[_i].Kind == "word" && WordOperators.Contains(tokens[_i].Text))
            {
                if (tokens[_i++].Text == "IN")
                {
                    Expect("(");
                    Value();
                    while (Is(","))
                    {
                        _i++;
                        Value();
                    }
                    Expect(")");
                    return;
                }
            }
            else
            {
                throw new FormatException($"expected a comparison operator (=, !=, <, >, IN, LIKE, MATCHES...) but found '{Current}'");
            }
            Value();
        }

        private void Value()
        {
            if (!AtEnd && tokens[_i].Kind is "str" or "lit" or "num")
            {
                _i++;
            }
            else if (IsWord("true") || IsWord("false"))
            {
                _i++;
            }
            else
            {
                throw new FormatException($"expected a constant ('text', a number, true, false, t'...', h'...', b'...') but found '{Current}'");
            }
        }
    }
}
