/**
 * The part of every generated C# file that reads a number's text exactly (see the summary below):
 * the strict JSON reader (runtime.ts) calls it for every number that is not a long, and the
 * number literals of the file (literals.ts) that are not whole go through it too, since Mono's
 * compiler reads its literals with the same parser. Checked against JavaScript's JSON.parse on
 * hard cases (halfway points, subnormals, 800 digits and more) by test/export/csharp/exact-number.test.ts.
 */
export const NUMBER_SOURCE = String.raw`    /// <summary>
    /// Reads a JSON number's text as the nearest double, ties to even, as JavaScript's JSON.parse
    /// does. Not double.Parse alone: Mono's and .NET Framework's are not correctly rounded (Mono 6.8
    /// reads "1.01754" one unit in the last place too high), and one unit is enough to flip an
    /// exact rule such as multipleOf. double.Parse gives the first guess; exact comparisons of the
    /// text with the halfway points between the guess and its neighbours then correct it.
    /// </summary>
    internal static class CredentialNumber
    {
        // Every halfway point between two doubles has at most 767 significant digits: digits past
        // this many change no comparison with one, except by being zero or not (kept as a final 1).
        private const int KeptDigits = 800;

        /// <summary>The double nearest to <paramref name="text"/>, a JSON number; infinite beyond double's range.</summary>
        internal static double Parse(string text)
        {
            var negative = text[0] == '-';
            var digits = new StringBuilder();
            var exponent = 0L; // the value is digits * 10^exponent
            var dropped = false;
            var pos = negative ? 1 : 0;
            var fraction = false;
            for (; pos < text.Length && text[pos] != 'e' && text[pos] != 'E'; pos++)
            {
                var c = text[pos];
                if (c == '.')
                {
                    fraction = true;
                    continue;
                }
                if (fraction) exponent--;
                if (digits.Length == 0 && c == '0') continue;
                if (digits.Length < KeptDigits) digits.Append(c);
                else
                {
                    exponent++;
                    if (c != '0') dropped = true;
                }
            }
            if (pos < text.Length)
            {
                pos++;
                var sign = 1L;
                if (text[pos] == '+' || text[pos] == '-') sign = text[pos++] == '-' ? -1 : 1;
                var written = 0L;
                for (; pos < text.Length; pos++)
                    if (written < 1000000000L) written = written * 10 + (text[pos] - '0'); // past that, only the sign matters
                exponent += sign * written;
            }
            if (dropped)
            {
                digits.Append('1');
                exponent--;
            }
            var magnitude = digits.Length + exponent; // the value is below 10^magnitude and at least 10^(magnitude-1)
            double value;
            if (digits.Length == 0 || magnitude < -330) value = 0;
            else if (magnitude > 310) value = double.PositiveInfinity;
            else value = Nearest(digits.ToString(), (int)exponent);
            return negative ? -value : value;
        }

        private static double Nearest(string digits, int exponent)
        {
            var scaledText = MultiplyByPowerOf10(FromDigits(digits), Math.Max(exponent, 0));
            // The answer is the smallest double whose upper halfway point the text does not pass.
            // A first guess from the leading 17 digits is a few units off at most: walk from it,
            // and bisect should it be further.
            var bits = BitConverter.DoubleToInt64Bits(Guess(digits, exponent));
            for (var step = 0; step < 8; step++)
            {
                if (Above(scaledText, exponent, bits)) bits++;
                else if (bits > 0 && !Above(scaledText, exponent, bits - 1)) bits--;
                else return BitConverter.Int64BitsToDouble(bits);
            }
            long low = 0, high = Infinity;
            while (low < high)
            {
                var middle = low + (high - low) / 2;
                if (Above(scaledText, exponent, middle)) low = middle + 1;
                else high = middle;
            }
            return BitConverter.Int64BitsToDouble(low);
        }

        private const long Infinity = 0x7FF0000000000000L;

        private static double Guess(string digits, int exponent)
        {
            var leading = Math.Min(digits.Length, 17);
            var text = digits.Substring(0, leading) + "e" + (exponent + digits.Length - leading).ToString(CultureInfo.InvariantCulture);
            try
            {
                return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            }
            catch (OverflowException)
            {
                return double.PositiveInfinity;
            }
        }

        /// <summary>Whether the text passes the double's upper halfway point (or meets it and the double is odd).</summary>
        private static bool Above(uint[] scaledText, int exponent, long bits)
        {
            if (bits >= Infinity) return false;
            var biased = (int)(bits >> 52);
            var mantissa = biased == 0 ? bits : (bits & ((1L << 52) - 1)) | (1L << 52);
            var power = biased == 0 ? -1074 : biased - 1075;
            var comparison = Compare(scaledText, exponent, 2 * mantissa + 1, power - 1);
            return comparison > 0 || (comparison == 0 && (mantissa & 1) == 1);
        }

        /// <summary>The sign of (text * 10^exponent) - (halfway * 2^power), text already * 10^max(exponent, 0).</summary>
        private static int Compare(uint[] scaledText, int exponent, long halfway, int power)
        {
            var left = power < 0 ? ShiftLeft(scaledText, -power) : scaledText;
            var right = FromLong(halfway);
            if (exponent < 0) right = MultiplyByPowerOf10(right, -exponent);
            if (power > 0) right = ShiftLeft(right, power);
            if (left.Length != right.Length) return left.Length < right.Length ? -1 : 1;
            for (var i = left.Length - 1; i >= 0; i--)
                if (left[i] != right[i]) return left[i] < right[i] ? -1 : 1;
            return 0;
        }

        // Natural numbers as little-endian 32-bit words with no leading zero word ({} is zero).

        private static uint[] FromLong(long value)
        {
            return Trim(new[] { (uint)value, (uint)(value >> 32) });
        }

        private static uint[] FromDigits(string digits)
        {
            var value = new uint[0];
            for (var start = 0; start < digits.Length; start += 9)
            {
                var length = Math.Min(9, digits.Length - start);
                value = MultiplyAdd(value, PowerOf10(length), uint.Parse(digits.Substring(start, length), CultureInfo.InvariantCulture));
            }
            return value;
        }

        private static uint[] MultiplyByPowerOf10(uint[] value, int power)
        {
            for (; power >= 9; power -= 9) value = MultiplyAdd(value, 1000000000u, 0);
            return power > 0 ? MultiplyAdd(value, PowerOf10(power), 0) : value;
        }

        private static uint PowerOf10(int power)
        {
            var result = 1u;
            while (power-- > 0) result *= 10;
            return result;
        }

        private static uint[] MultiplyAdd(uint[] value, uint factor, uint addend)
        {
            var result = new uint[value.Length + 1];
            ulong carry = addend;
            for (var i = 0; i < value.Length; i++)
            {
                var product = (ulong)value[i] * factor + carry;
                result[i] = (uint)product;
                carry = product >> 32;
            }
            result[value.Length] = (uint)carry;
            return Trim(result);
        }

        private static uint[] ShiftLeft(uint[] value, int bits)
        {
            var words = bits / 32;
            var rest = bits % 32;
            var result = new uint[value.Length + words + 1];
            for (var i = 0; i < value.Length; i++)
            {
                var shifted = (ulong)value[i] << rest;
                result[i + words] |= (uint)shifted;
                result[i + words + 1] |= (uint)(shifted >> 32);
            }
            return Trim(result);
        }

        private static uint[] Trim(uint[] value)
        {
            var length = value.Length;
            while (length > 0 && value[length - 1] == 0) length--;
            if (length == value.Length) return value;
            var result = new uint[length];
            Array.Copy(value, result, length);
            return result;
        }
    }
`;
