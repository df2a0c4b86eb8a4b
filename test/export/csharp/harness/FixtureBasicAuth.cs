// A hand-written credential model of schemas/basic-auth.json, in the shape the generator emits
// (FromJson, ToJson, Validate, a masking ToString): the harness's own tests run it, so the
// plumbing (compile, batch, verdicts, secrets) is tested independently of the generator.
using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Fixture.BasicAuth
{
    public sealed class FixtureCredentialException : JsonSerializationException
    {
        public FixtureCredentialException(string message) : base(message) { }
    }

    public sealed class BasicAuthentication
    {
        [JsonProperty("username")]
        public string Username { get; set; }

        [JsonProperty("password")]
        public string Password { get; set; }

        readonly List<string> _unknownKeys = new List<string>();

        public static BasicAuthentication FromJson(string json)
        {
            JToken token;
            using (var reader = new JsonTextReader(new StringReader(json)))
            {
                reader.DateParseHandling = DateParseHandling.None;
                reader.FloatParseHandling = FloatParseHandling.Decimal;
                token = JToken.ReadFrom(reader);
                if (reader.Read()) throw new FixtureCredentialException("text after the credentials");
            }
            var obj = token as JObject;
            if (obj == null) throw new FixtureCredentialException("the credentials are not a JSON object");
            var result = new BasicAuthentication();
            foreach (var property in obj.Properties())
            {
                switch (property.Name)
                {
                    case "username": result.Username = ReadString(property, "username"); break;
                    case "password": result.Password = ReadString(property, "password"); break;
                    default: result._unknownKeys.Add(property.Name); break;
                }
            }
            return result;
        }

        static string ReadString(JProperty property, string path)
        {
            if (property.Value.Type != JTokenType.String)
                throw new FixtureCredentialException(path + " must be a string, not " + property.Value.Type);
            return (string)property.Value;
        }

        public string ToJson()
        {
            var obj = new JObject();
            if (Username != null) obj["username"] = Username;
            if (Password != null) obj["password"] = Password;
            return obj.ToString(Formatting.None);
        }

        static readonly Regex UsernamePattern = new Regex("^[^:]+\\z", RegexOptions.CultureInvariant);

        static int CodePoints(string value)
        {
            var count = 0;
            for (var i = 0; i < value.Length; i++)
            {
                if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) i++;
                count++;
            }
            return count;
        }

        public IList<ValidationResult> Validate()
        {
            var results = new List<ValidationResult>();
            foreach (var key in _unknownKeys)
                results.Add(new ValidationResult("unknown key", new[] { "/" + key }));
            if (Username == null) results.Add(new ValidationResult("Username is required", new[] { "/username" }));
            else
            {
                var length = CodePoints(Username);
                if (length < 1 || length > 256) results.Add(new ValidationResult("Username must be 1 to 256 characters long", new[] { "/username" }));
                if (!UsernamePattern.IsMatch(Username)) results.Add(new ValidationResult("Username cannot contain a colon", new[] { "/username" }));
            }
            if (Password == null) results.Add(new ValidationResult("Password is required", new[] { "/password" }));
            else
            {
                var length = CodePoints(Password);
                if (length < 1 || length > 1024) results.Add(new ValidationResult("Password must be 1 to 1024 characters long", new[] { "/password" }));
            }
            return results;
        }

        public override string ToString()
        {
            var text = new StringBuilder("BasicAuthentication { Username = ");
            text.Append(Username == null ? "(unset)" : JsonConvert.ToString(Username));
            text.Append(", Password = ");
            text.Append(Password == null ? "(unset)" : "***");
            return text.Append(" }").ToString();
        }
    }
}
