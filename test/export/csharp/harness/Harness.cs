// The differential harness of the C# export's tests (test/export/csharp/): compiled together with
// one or more generated credential models, it runs each JSON text of a batch through the model and
// prints one JSON line per text saying what the model made of it.
//
//   mono Harness.exe BATCH [ROOT]
//
// BATCH is a file holding either a JSON array of strings or one JSON string per line; each string
// is the JSON text of one value. ROOT, needed when several models are compiled in, is the full name
// of the root class or its namespace. The root class is the public type with a public static
// FromJson(string) that returns it.
//
// Each output line is {"index", "verdict": "valid"|"invalid", "stage": "parse"|"validate"|null,
// "exception": {"type", "message", "isJsonException", "inner"}|null, "results": [{"members",
// "message"}], "toString", "toJson", "errors": [...]}: FromJson throwing gives stage "parse";
// Validate() returning results gives stage "validate". Every exception is caught per value, so
// one value never ends the batch.
using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using Newtonsoft.Json;

namespace CredentialDesigner.Tests.Harness
{
    public static class HarnessProgram
    {
        public static int Main(string[] args)
        {
            var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
            stdout.AutoFlush = false;
            try
            {
                if (args.Length < 1 || args.Length > 2)
                {
                    Console.Error.WriteLine("usage: mono Harness.exe BATCH [ROOT]");
                    return 2;
                }
                var root = FindRoot(args.Length == 2 ? args[1] : null);
                var fromJson = root.GetMethod("FromJson", BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(string) }, null);
                var validate = root.GetMethod("Validate", BindingFlags.Public | BindingFlags.Instance, null, Type.EmptyTypes, null);
                var toJson = root.GetMethod("ToJson", BindingFlags.Public | BindingFlags.Instance, null, Type.EmptyTypes, null);
                if (validate == null) throw new InvalidOperationException(root.FullName + " has no public Validate()");
                if (toJson == null) throw new InvalidOperationException(root.FullName + " has no public ToJson()");
                var texts = ReadBatch(args[0]);
                for (var i = 0; i < texts.Count; i++)
                {
                    stdout.Write(Run(i, texts[i], fromJson, validate, toJson));
                    stdout.Write('\n');
                }
                stdout.Flush();
                return 0;
            }
            catch (Exception e)
            {
                stdout.Flush();
                Console.Error.WriteLine("harness: " + e);
                return 3;
            }
        }

        static Type FindRoot(string name)
        {
            var candidates = new List<Type>();
            foreach (var type in typeof(HarnessProgram).Assembly.GetTypes())
            {
                if (!type.IsPublic || type == typeof(HarnessProgram)) continue;
                var method = type.GetMethod("FromJson", BindingFlags.Public | BindingFlags.Static, null, new[] { typeof(string) }, null);
                if (method == null || method.ReturnType != type) continue;
                if (name != null && type.FullName != name && type.Namespace != name) continue;
                candidates.Add(type);
            }
            if (candidates.Count != 1)
                throw new InvalidOperationException(
                    "expected one public type with a public static FromJson(string) returning it" +
                    (name != null ? " named or in " + name : "") + ", found " + candidates.Count + ": " +
                    string.Join(", ", candidates.Select(t => t.FullName).ToArray()));
            return candidates[0];
        }

        static List<string> ReadBatch(string path)
        {
            var text = File.ReadAllText(path, new UTF8Encoding(false, true));
            var texts = new List<string>();
            if (text.TrimStart().StartsWith("["))
            {
                ReadStrings(text, texts, true);
            }
            else
            {
                foreach (var line in text.Split('\n'))
                    if (line.Trim().Length > 0) ReadStrings(line, texts, false);
            }
            return texts;
        }

        static void ReadStrings(string json, List<string> into, bool array)
        {
            using (var reader = new JsonTextReader(new StringReader(json)))
            {
                reader.DateParseHandling = DateParseHandling.None;
                if (!reader.Read()) throw new InvalidDataException("empty batch");
                if (array)
                {
                    if (reader.TokenType != JsonToken.StartArray) throw new InvalidDataException("the batch is not an array");
                    while (reader.Read() && reader.TokenType != JsonToken.EndArray)
                    {
                        if (reader.TokenType != JsonToken.String) throw new InvalidDataException("the batch holds a " + reader.TokenType + ", not a string");
                        into.Add((string)reader.Value);
                    }
                }
                else
                {
                    if (reader.TokenType != JsonToken.String) throw new InvalidDataException("a batch line holds a " + reader.TokenType + ", not a string");
                    into.Add((string)reader.Value);
                }
            }
        }

        static string Run(int index, string text, MethodInfo fromJson, MethodInfo validate, MethodInfo toJson)
        {
            var line = new Dictionary<string, object>();
            var errors = new List<string>();
            line["index"] = index;
            line["verdict"] = "invalid";
            line["stage"] = null;
            line["exception"] = null;
            line["results"] = new List<object>();
            line["toString"] = null;
            line["toJson"] = null;
            object model = null;
            try
            {
                model = fromJson.Invoke(null, new object[] { text });
                if (model == null)
                {
                    line["stage"] = "parse";
                    errors.Add("FromJson returned null");
                }
            }
            catch (Exception e)
            {
                line["stage"] = "parse";
                line["exception"] = Describe(Unwrap(e));
            }
            if (model != null)
            {
                try
                {
                    var results = (IEnumerable<ValidationResult>)validate.Invoke(model, null);
                    if (results == null)
                    {
                        errors.Add("Validate() returned null");
                        line["stage"] = "validate";
                    }
                    else
                    {
                        var list = results.Select(r => (object)new Dictionary<string, object>
                        {
                            { "members", r == null ? null : (r.MemberNames ?? Enumerable.Empty<string>()).ToList() },
                            { "message", r == null ? null : r.ErrorMessage },
                        }).ToList();
                        line["results"] = list;
                        if (list.Count == 0) line["verdict"] = "valid";
                        else line["stage"] = "validate";
                    }
                }
                catch (Exception e)
                {
                    line["stage"] = "validate";
                    line["exception"] = Describe(Unwrap(e));
                    errors.Add("Validate() threw");
                }
                try { line["toString"] = model.ToString(); }
                catch (Exception e) { errors.Add("ToString() threw " + Unwrap(e).GetType().FullName + ": " + Unwrap(e).Message); }
                try { line["toJson"] = (string)toJson.Invoke(model, null); }
                catch (Exception e) { errors.Add("ToJson() threw " + Unwrap(e).GetType().FullName + ": " + Unwrap(e).Message); }
            }
            line["errors"] = errors;
            try
            {
                return JsonConvert.SerializeObject(line, new JsonSerializerSettings
                {
                    StringEscapeHandling = StringEscapeHandling.EscapeNonAscii,
                    Formatting = Formatting.None,
                });
            }
            catch (Exception e)
            {
                return "{\"index\":" + index + ",\"verdict\":\"invalid\",\"stage\":null,\"errors\":[" +
                    JsonConvert.ToString("the harness could not write its line: " + e.GetType().FullName) + "]}";
            }
        }

        static Exception Unwrap(Exception e)
        {
            while (e is TargetInvocationException && e.InnerException != null) e = e.InnerException;
            return e;
        }

        static Dictionary<string, object> Describe(Exception e)
        {
            var messages = new List<string>();
            for (var inner = e.InnerException; inner != null; inner = inner.InnerException)
                messages.Add(inner.GetType().FullName + ": " + inner.Message);
            return new Dictionary<string, object>
            {
                { "type", e.GetType().FullName },
                { "message", e.Message },
                { "isJsonException", e is JsonException },
                { "inner", messages },
            };
        }
    }
}
