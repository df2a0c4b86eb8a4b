/**
 * The fixed part of every generated C# file: the exception `FromJson` throws, the strict JSON
 * reader, the typed reads and writes, the validation checks and the masked `ToString()`. The
 * generated classes call into it (emit.ts). Written against Newtonsoft.Json 6.0.8 and C# 6.
 *
 * Why a JSON reader of our own (`CredentialJson.Parse`) rather than Newtonsoft's: its reader
 * accepts what JSON.parse (and so the exported validator's caller) refuses – comments,
 * single-quoted strings, unquoted names, `NaN`, `undefined`, octal and hex numbers, control
 * characters inside strings, trailing text after some values – and its exceptions quote the text
 * they choke on, which may be a secret. This one follows RFC 8259 exactly, keeps the last of
 * duplicate keys (as JSON.parse does) and says only where it failed.
 *
 * Every message names a place (a JSON Pointer) and what was expected, never a value.
 */
export const RUNTIME_SOURCE = String.raw`    /// <summary>
    /// The JSON text does not have the shape of the credentials: it is not valid JSON, a value has
    /// the wrong JSON type, an integer is out of the range of a C# long, or an auth method is missing
    /// or unknown. The message names the place (a JSON Pointer) and what was expected, never a value.
    /// </summary>
    public sealed class CredentialJsonException : JsonException
    {
        /// <summary>A problem at <paramref name="pointer"/>: <paramref name="problem"/>.</summary>
        public CredentialJsonException(string pointer, string problem)
            : base((pointer.Length == 0 ? "/" : pointer) + ": " + problem)
        {
            Pointer = pointer;
        }

        /// <summary>The JSON Pointer of the value that has the wrong shape ("" for the whole text).</summary>
        public string Pointer { get; private set; }
    }

    /// <summary>What every generated class does, for the runtime below.</summary>
    internal interface ICredentialObject
    {
        void ReadJson(JObject json, string pointer);

        JObject WriteJson();

        void ValidateInto(IList<ValidationResult> results, string pointer);

        void Describe(StringBuilder text);
    }

    /// <summary>Reads and writes a generated class through its own strict reader and writer.</summary>
    internal sealed class CredentialObjectConverter<T> : JsonConverter where T : class, ICredentialObject, new()
    {
        public override bool CanConvert(Type objectType)
        {
            return objectType == typeof(T);
        }

        public override object ReadJson(JsonReader reader, Type objectType, object existingValue, JsonSerializer serializer)
        {
            var token = CredentialJson.Load(reader);
            return token.Type == JTokenType.Null ? null : CredentialJson.ReadObject<T>(token, "");
        }

        public override void WriteJson(JsonWriter writer, object value, JsonSerializer serializer)
        {
            CredentialJson.Write(writer, value);
        }
    }

    /// <summary>The strict JSON reading, writing and checking the generated classes share.</summary>
    internal static class CredentialJson
    {
        // ------------------------------------------------------------ reading JSON text

        /// <summary>Parses JSON text (RFC 8259, as JSON.parse: the last of duplicate keys wins).</summary>
        internal static JToken Parse(string text)
        {
            if (text == null) throw new ArgumentNullException("json");
            var pos = 0;
            var containers = new List<JContainer>();
            var keys = new List<string>();
            SkipSpace(text, ref pos);
            while (true)
            {
                if (pos >= text.Length) throw Malformed(pos);
                JToken value;
                var c = text[pos];
                if (c == '{')
                {
                    pos++;
                    SkipSpace(text, ref pos);
                    if (pos < text.Length && text[pos] == '}')
                    {
                        pos++;
                        value = new JObject();
                    }
                    else
                    {
                        containers.Add(new JObject());
                        keys.Add(ReadKey(text, ref pos));
                        continue;
                    }
                }
                else if (c == '[')
                {
                    pos++;
                    SkipSpace(text, ref pos);
                    if (pos < text.Length && text[pos] == ']')
                    {
                        pos++;
                        value = new JArray();
                    }
                    else
                    {
                        containers.Add(new JArray());
                        keys.Add(null);
                        continue;
                    }
                }
                else if (c == '"') value = new JValue(ReadString(text, ref pos));
                else if (c == 't') value = ReadWord(text, ref pos, "true", new JValue(true));
                else if (c == 'f') value = ReadWord(text, ref pos, "false", new JValue(false));
                else if (c == 'n') value = ReadWord(text, ref pos, "null", JValue.CreateNull());
                else if (c == '-' || (c >= '0' && c <= '9')) value = ReadNumber(text, ref pos);
                else throw Malformed(pos);

                // Place the value, then close every container that ends after it.
                var next = false;
                while (!next)
                {
                    SkipSpace(text, ref pos);
                    if (containers.Count == 0)
                    {
                        if (pos != text.Length) throw Malformed(pos);
                        return value;
                    }
                    var last = containers.Count - 1;
                    var container = containers[last];
                    var obj = container as JObject;
                    if (obj != null) obj[keys[last]] = value;
                    else container.Add(value);
                    if (pos < text.Length && text[pos] == ',')
                    {
                        pos++;
                        SkipSpace(text, ref pos);
                        if (obj != null) keys[last] = ReadKey(text, ref pos);
                        next = true;
                    }
                    else if (pos < text.Length && text[pos] == (obj != null ? '}' : ']'))
                    {
                        pos++;
                        containers.RemoveAt(last);
                        keys.RemoveAt(last);
                        value = container;
                    }
                    else throw Malformed(pos);
                }
            }
        }

        private static CredentialJsonException Malformed(int pos)
        {
            return new CredentialJsonException("", "the text is not valid JSON (at character " + (pos + 1).ToString(CultureInfo.InvariantCulture) + ")");
        }

        private static void SkipSpace(string text, ref int pos)
        {
            while (pos < text.Length)
            {
                var c = text[pos];
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
                pos++;
            }
        }

        private static string ReadKey(string text, ref int pos)
        {
            if (pos >= text.Length || text[pos] != '"') throw Malformed(pos);
            var key = ReadString(text, ref pos);
            SkipSpace(text, ref pos);
            if (pos >= text.Length || text[pos] != ':') throw Malformed(pos);
            pos++;
            SkipSpace(text, ref pos);
            return key;
        }

        private static JToken ReadWord(string text, ref int pos, string word, JToken value)
        {
            if (string.CompareOrdinal(text, pos, word, 0, word.Length) != 0) throw Malformed(pos);
            pos += word.Length;
            return value;
        }

        private static string ReadString(string text, ref int pos)
        {
            pos++; // the opening quote
            var builder = new StringBuilder();
            while (true)
            {
                if (pos >= text.Length) throw Malformed(pos);
                var c = text[pos];
                if (c == '"')
                {
                    pos++;
                    return builder.ToString();
                }
                if (c < ' ') throw Malformed(pos);
                if (c != '\\')
                {
                    builder.Append(c);
                    pos++;
                    continue;
                }
                if (pos + 1 >= text.Length) throw Malformed(pos);
                var escape = text[pos + 1];
                pos += 2;
                switch (escape)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        var code = 0;
                        for (var i = 0; i < 4; i++)
                        {
                            if (pos >= text.Length) throw Malformed(pos);
                            var h = text[pos];
                            int digit;
                            if (h >= '0' && h <= '9') digit = h - '0';
                            else if (h >= 'a' && h <= 'f') digit = h - 'a' + 10;
                            else if (h >= 'A' && h <= 'F') digit = h - 'A' + 10;
                            else throw Malformed(pos);
                            code = code * 16 + digit;
                            pos++;
                        }
                        builder.Append((char)code);
                        break;
                    default:
                        throw Malformed(pos - 1);
                }
            }
        }

        private static JToken ReadNumber(string text, ref int pos)
        {
            var start = pos;
            var integral = true;
            if (text[pos] == '-') pos++;
            if (pos < text.Length && text[pos] == '0') pos++;
            else if (!Digits(text, ref pos)) throw Malformed(pos);
            if (pos < text.Length && text[pos] == '.')
            {
                pos++;
                integral = false;
                if (!Digits(text, ref pos)) throw Malformed(pos);
            }
            if (pos < text.Length && (text[pos] == 'e' || text[pos] == 'E'))
            {
                pos++;
                integral = false;
                if (pos < text.Length && (text[pos] == '+' || text[pos] == '-')) pos++;
                if (!Digits(text, ref pos)) throw Malformed(pos);
            }
            var number = text.Substring(start, pos - start);
            long exact;
            if (integral && long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exact))
                return new JValue(exact);
            return new JValue(ParseDouble(number));
        }

        private static bool Digits(string text, ref int pos)
        {
            var start = pos;
            while (pos < text.Length && text[pos] >= '0' && text[pos] <= '9') pos++;
            return pos > start;
        }

        /// <summary>The double nearest to a JSON number's text, as in JavaScript (see CredentialNumber).</summary>
        private static double ParseDouble(string number)
        {
            return CredentialNumber.Parse(number);
        }

        /// <summary>Loads the value at a Newtonsoft reader (for the JsonConverters).</summary>
        internal static JToken Load(JsonReader reader)
        {
            // Strings stay strings (no dates), and numbers are read as doubles, whatever the caller set.
            var dates = reader.DateParseHandling;
            var floats = reader.FloatParseHandling;
            reader.DateParseHandling = DateParseHandling.None;
            reader.FloatParseHandling = FloatParseHandling.Double;
            try
            {
                return JToken.ReadFrom(reader);
            }
            catch (JsonReaderException)
            {
                // Newtonsoft's message quotes the text it stopped at: it may be a secret.
                throw new CredentialJsonException("", "the text is not valid JSON");
            }
            finally
            {
                reader.DateParseHandling = dates;
                reader.FloatParseHandling = floats;
            }
        }

        // ------------------------------------------------------------ typed reads

        internal static JToken Member(JObject json, string key)
        {
            JToken value;
            return json.TryGetValue(key, out value) ? value : null;
        }

        internal static JToken RequiredMember(JObject json, string key, string pointer)
        {
            var value = Member(json, key);
            if (value == null) throw new CredentialJsonException(pointer, "a required value is missing");
            return value;
        }

        internal static JObject AsObject(JToken token, string pointer)
        {
            var json = token as JObject;
            if (json == null) throw new CredentialJsonException(pointer, "expected an object");
            return json;
        }

        internal static T ReadObject<T>(JToken token, string pointer) where T : class, ICredentialObject, new()
        {
            var result = new T();
            result.ReadJson(AsObject(token, pointer), pointer);
            return result;
        }

        internal static string ReadString(JToken token, string pointer)
        {
            if (token.Type != JTokenType.String) throw new CredentialJsonException(pointer, "expected a string");
            return (string)((JValue)token).Value;
        }

        internal static bool ReadBoolean(JToken token, string pointer)
        {
            if (token.Type != JTokenType.Boolean) throw new CredentialJsonException(pointer, "expected true or false");
            return (bool)((JValue)token).Value;
        }

        /// <summary>
        /// A JSON number that is an integer (30 and 30.0 alike, as JSON Schema's "integer"), within
        /// the range of a C# long; refuses one outside that range.
        /// </summary>
        internal static long ReadInteger(JToken token, string pointer)
        {
            if (token.Type == JTokenType.Integer && ((JValue)token).Value is long exact) return exact;
            double number;
            if (!IsNumber(token, out number) || double.IsInfinity(number) || Math.Floor(number) != number)
                throw new CredentialJsonException(pointer, "expected an integer");
            if (number < -9223372036854775808.0 || number >= 9223372036854775808.0)
                throw new CredentialJsonException(pointer, "expected an integer from -9223372036854775808 to 9223372036854775807 (a C# long)");
            return (long)number;
        }

        /// <summary>
        /// A JSON number that is an integer, as a double: what the validator holds (a JavaScript
        /// number), for an integer field whose bounds allow values past a long's range.
        /// </summary>
        internal static double ReadWideInteger(JToken token, string pointer)
        {
            double number;
            if (!IsNumber(token, out number) || double.IsInfinity(number) || Math.Floor(number) != number)
                throw new CredentialJsonException(pointer, "expected an integer");
            return number;
        }

        internal static double ReadNumber(JToken token, string pointer)
        {
            double number;
            if (!IsNumber(token, out number) || double.IsInfinity(number))
                throw new CredentialJsonException(pointer, "expected a number");
            return number;
        }

        private static bool IsNumber(JToken token, out double number)
        {
            number = double.NaN;
            if (token.Type != JTokenType.Integer && token.Type != JTokenType.Float) return false;
            var value = ((JValue)token).Value;
            if (value is long whole) number = whole;
            else if (value is double real) number = real;
            else if (value is IConvertible) number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
            else number = ParseDouble(Convert.ToString(value, CultureInfo.InvariantCulture)); // a BigInteger
            return !double.IsNaN(number);
        }

        internal static IList<string> ReadStringList(JToken token, string pointer)
        {
            var array = token as JArray;
            if (array == null) throw new CredentialJsonException(pointer, "expected an array of strings");
            var list = new List<string>(array.Count);
            for (var i = 0; i < array.Count; i++)
                list.Add(ReadString(array[i], pointer + "/" + i.ToString(CultureInfo.InvariantCulture)));
            return list;
        }

        /// <summary>The discriminator of an auth method, wherever it stands in the object.</summary>
        internal static string ReadDiscriminator(JObject json, string key, string pointer, string[] values)
        {
            var token = Member(json, key);
            var quoted = new string[values.Length];
            for (var i = 0; i < values.Length; i++) quoted[i] = Quote(values[i]);
            var expected = "expected one of " + string.Join(", ", quoted);
            if (token == null) throw new CredentialJsonException(pointer, "the auth method is missing; " + expected);
            if (token.Type != JTokenType.String || Array.IndexOf(values, (string)((JValue)token).Value) < 0)
                throw new CredentialJsonException(pointer, "unknown auth method; " + expected);
            return (string)((JValue)token).Value;
        }

        /// <summary>The keys of <paramref name="json"/> that are not in <paramref name="known"/>, with their values.</summary>
        internal static IDictionary<string, JToken> ReadExtras(JObject json, string[] known)
        {
            var extras = new Dictionary<string, JToken>();
            foreach (var property in json.Properties())
                if (Array.IndexOf(known, property.Name) < 0) extras[property.Name] = property.Value;
            return extras;
        }

        // ------------------------------------------------------------ writing

        internal static string ToJson(ICredentialObject value)
        {
            return value.WriteJson().ToString(Formatting.None);
        }

        internal static void Write(JsonWriter writer, object value)
        {
            if (value == null) writer.WriteNull();
            else ((ICredentialObject)value).WriteJson().WriteTo(writer);
        }

        internal static void PutString(JObject json, string key, string value)
        {
            if (value != null) json[key] = new JValue(value);
        }

        internal static void PutInteger(JObject json, string key, long? value)
        {
            if (value != null) json[key] = new JValue(value.Value);
        }

        /// <summary>An integer held as a double: written without a fraction when a long holds it.</summary>
        internal static void PutWideInteger(JObject json, string key, double? value)
        {
            if (value == null) return;
            var number = value.Value;
            if (number >= -9223372036854775808.0 && number < 9223372036854775808.0 && Math.Floor(number) == number)
                json[key] = new JValue((long)number);
            else PutNumber(json, key, number);
        }

        internal static void PutNumber(JObject json, string key, double? value)
        {
            if (value == null) return;
            if (double.IsNaN(value.Value) || double.IsInfinity(value.Value))
                throw new InvalidOperationException("/" + key + " is not a finite number, which JSON cannot hold");
            json[key] = new JValue(value.Value);
        }

        internal static void PutBoolean(JObject json, string key, bool? value)
        {
            if (value != null) json[key] = new JValue(value.Value);
        }

        internal static void PutStringList(JObject json, string key, IList<string> value)
        {
            if (value == null) return;
            var array = new JArray();
            foreach (var item in value) array.Add(item == null ? JValue.CreateNull() : new JValue(item));
            json[key] = array;
        }

        internal static void PutObject(JObject json, string key, object value)
        {
            if (value != null) json[key] = ((ICredentialObject)value).WriteJson();
        }

        /// <summary>The extension data, after the declared keys (which win over an extra of the same name).</summary>
        internal static void PutExtras(JObject json, IDictionary<string, JToken> extras)
        {
            if (extras == null) return;
            foreach (var extra in extras)
                if (extra.Key != null && json[extra.Key] == null) json[extra.Key] = extra.Value == null ? JValue.CreateNull() : extra.Value.DeepClone();
        }

        // ------------------------------------------------------------ validation

        internal static string Escape(string key)
        {
            return key.Replace("~", "~0").Replace("/", "~1");
        }

        /// <summary>The pointer of item <paramref name="index"/> of the array at <paramref name="pointer"/>.</summary>
        internal static string Item(string pointer, int index)
        {
            return pointer + "/" + index.ToString(CultureInfo.InvariantCulture);
        }

        internal static void Fail(IList<ValidationResult> results, string pointer, string message)
        {
            results.Add(new ValidationResult(message, new[] { pointer }));
        }

        /// <summary>The length of a string in code points, as JSON Schema (and Ajv) count it.</summary>
        internal static int CodePoints(string value)
        {
            var count = 0;
            for (var i = 0; i < value.Length; i++)
            {
                count++;
                if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) i++;
            }
            return count;
        }

        internal static void MinLength(IList<ValidationResult> results, string pointer, string value, long limit)
        {
            if (CodePoints(value) < limit) Fail(results, pointer, "must have at least " + limit.ToString(CultureInfo.InvariantCulture) + (limit == 1 ? " character" : " characters"));
        }

        internal static void MaxLength(IList<ValidationResult> results, string pointer, string value, long limit)
        {
            if (CodePoints(value) > limit) Fail(results, pointer, "must have at most " + limit.ToString(CultureInfo.InvariantCulture) + (limit == 1 ? " character" : " characters"));
        }

        internal static void Pattern(IList<ValidationResult> results, string pointer, string value, Regex pattern)
        {
            if (!pattern.IsMatch(value)) Fail(results, pointer, "must match the field's pattern");
        }

        internal static void Format(IList<ValidationResult> results, string pointer, bool valid, string format)
        {
            if (!valid) Fail(results, pointer, "must be a valid " + format);
        }

        internal static void OneOf(IList<ValidationResult> results, string pointer, string value, string[] allowed)
        {
            if (Array.IndexOf(allowed, value) < 0) Fail(results, pointer, "must be one of the allowed values");
        }

        internal static void OneOf(IList<ValidationResult> results, string pointer, double value, double[] allowed)
        {
            foreach (var candidate in allowed)
                if (candidate == value) return;
            Fail(results, pointer, "must be one of the allowed values");
        }

        internal static void OneOf(IList<ValidationResult> results, string pointer, bool value, bool[] allowed)
        {
            if (Array.IndexOf(allowed, value) < 0) Fail(results, pointer, "must be one of the allowed values");
        }

        internal static bool Finite(IList<ValidationResult> results, string pointer, double value)
        {
            if (!double.IsNaN(value) && !double.IsInfinity(value)) return true;
            Fail(results, pointer, "must be a finite number");
            return false;
        }

        /// <summary>A finite double with no fraction; reports one that is not.</summary>
        internal static bool Integral(IList<ValidationResult> results, string pointer, double value)
        {
            if (!double.IsNaN(value) && !double.IsInfinity(value) && Math.Floor(value) == value) return true;
            Fail(results, pointer, "must be an integer");
            return false;
        }

        internal static void Minimum(IList<ValidationResult> results, string pointer, double value, double limit)
        {
            if (!(value >= limit)) Fail(results, pointer, "must be at least " + limit.ToString("R", CultureInfo.InvariantCulture));
        }

        internal static void Maximum(IList<ValidationResult> results, string pointer, double value, double limit)
        {
            if (!(value <= limit)) Fail(results, pointer, "must be at most " + limit.ToString("R", CultureInfo.InvariantCulture));
        }

        internal static void ExclusiveMinimum(IList<ValidationResult> results, string pointer, double value, double limit)
        {
            if (!(value > limit)) Fail(results, pointer, "must be more than " + limit.ToString("R", CultureInfo.InvariantCulture));
        }

        internal static void ExclusiveMaximum(IList<ValidationResult> results, string pointer, double value, double limit)
        {
            if (!(value < limit)) Fail(results, pointer, "must be less than " + limit.ToString("R", CultureInfo.InvariantCulture));
        }

        /// <summary>
        /// Ajv's test, to the letter: the quotient must equal its parseInt, which also fails quotients
        /// of 1e21 and more (JavaScript writes them with an exponent) and infinite ones.
        /// </summary>
        internal static void MultipleOf(IList<ValidationResult> results, string pointer, double value, double divisor)
        {
            var quotient = value / divisor;
            var whole = !double.IsNaN(quotient) && !double.IsInfinity(quotient) && Math.Abs(quotient) < 1e21 && Math.Truncate(quotient) == quotient;
            if (!whole) Fail(results, pointer, "must be a multiple of " + divisor.ToString("R", CultureInfo.InvariantCulture));
        }

        /// <summary>ajv-formats' "int32": an integer from -2147483648 to 2147483647.</summary>
        internal static void Int32(IList<ValidationResult> results, string pointer, double value)
        {
            if (Math.Floor(value) != value || value < -2147483648.0 || value > 2147483647.0)
                Fail(results, pointer, "must be a valid int32");
        }

        /// <summary>ajv-formats' "int64": an integer (JavaScript's numbers hold no larger ones).</summary>
        internal static void Int64(IList<ValidationResult> results, string pointer, double value)
        {
            if (Math.Floor(value) != value) Fail(results, pointer, "must be a valid int64");
        }

        internal static void MinItems(IList<ValidationResult> results, string pointer, IList<string> value, long limit)
        {
            if (value.Count < limit) Fail(results, pointer, "must have at least " + limit.ToString(CultureInfo.InvariantCulture) + (limit == 1 ? " item" : " items"));
        }

        internal static void MaxItems(IList<ValidationResult> results, string pointer, IList<string> value, long limit)
        {
            if (value.Count > limit) Fail(results, pointer, "must have at most " + limit.ToString(CultureInfo.InvariantCulture) + (limit == 1 ? " item" : " items"));
        }

        internal static void UniqueItems(IList<ValidationResult> results, string pointer, IList<string> value)
        {
            var seen = new Dictionary<string, bool>(StringComparer.Ordinal);
            foreach (var item in value)
            {
                if (item == null) continue;
                if (seen.ContainsKey(item))
                {
                    Fail(results, pointer, "must not have the same item twice");
                    return;
                }
                seen[item] = true;
            }
        }

        internal static void NoExtras(IList<ValidationResult> results, string pointer, IDictionary<string, JToken> extras)
        {
            if (extras == null) return;
            foreach (var extra in extras)
                if (extra.Key != null) Fail(results, pointer + "/" + Escape(extra.Key), "is not allowed here");
        }

        internal static void ValidateObject(IList<ValidationResult> results, string pointer, object value)
        {
            ((ICredentialObject)value).ValidateInto(results, pointer);
        }

        internal static IList<ValidationResult> Validate(ICredentialObject value)
        {
            var results = new List<ValidationResult>();
            value.ValidateInto(results, "");
            return results;
        }

        // ------------------------------------------------------------ ToString

        /// <summary>A string as a JSON string literal, control and line-breaking characters escaped.</summary>
        internal static string Quote(string value)
        {
            var text = new StringBuilder(value.Length + 2);
            text.Append('"');
            foreach (var c in value)
            {
                if (c == '"') text.Append("\\\"");
                else if (c == '\\') text.Append("\\\\");
                else if (c < ' ' || (c >= '\u007f' && c <= '\u009f') || c == '\u2028' || c == '\u2029')
                    text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                else text.Append(c);
            }
            return text.Append('"').ToString();
        }

        internal static string Describe(ICredentialObject value)
        {
            var text = new StringBuilder();
            value.Describe(text);
            return text.ToString();
        }

        /// <summary>One field: its value, "***" for a secret that is set, "null" when unset.</summary>
        internal static void Show(StringBuilder text, string name, object value, bool secret)
        {
            if (text[text.Length - 1] != ' ' || text[text.Length - 2] != '{') text.Append(", ");
            text.Append(name).Append(" = ");
            if (value == null) text.Append("null");
            else if (secret) text.Append("***");
            else if (value is string s) text.Append(Quote(s));
            else if (value is bool b) text.Append(b ? "true" : "false");
            else if (value is long l) text.Append(l.ToString(CultureInfo.InvariantCulture));
            else if (value is double d) text.Append(d.ToString("R", CultureInfo.InvariantCulture));
            else if (value is IList<string> list)
            {
                text.Append('[');
                for (var i = 0; i < list.Count; i++)
                    text.Append(i == 0 ? "" : ", ").Append(list[i] == null ? "null" : Quote(list[i]));
                text.Append(']');
            }
            else if (value is ICredentialObject nested) nested.Describe(text);
            else if (value is IDictionary<string, JToken> extras)
            {
                // Keys the schema does not declare: their names only, never their values.
                text.Append('[');
                var first = true;
                foreach (var extra in extras)
                {
                    text.Append(first ? "" : ", ").Append(Quote(extra.Key));
                    first = false;
                }
                text.Append(']');
            }
            else text.Append(value.GetType().Name);
        }
    }
`;
