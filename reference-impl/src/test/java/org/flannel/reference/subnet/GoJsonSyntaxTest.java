package org.flannel.reference.subnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GoJsonSyntaxTest {

    /**
     * Each text with what Go 1.26's json.Unmarshal answered for it ("" when it has no syntax error),
     * produced by running Go on these very texts, not written by hand.
     */
    static Stream<Arguments> goAnswers() {
        return Stream.of(
                Arguments.of("this is not json", "invalid character 'h' in literal true (expecting 'r')"),
                Arguments.of("hello", "invalid character 'h' looking for beginning of value"),
                Arguments.of("{", "unexpected end of JSON input"),
                Arguments.of("", "unexpected end of JSON input"),
                Arguments.of("   ", "unexpected end of JSON input"),
                Arguments.of("{\"Network\":\"10.0.0.0/8\"} trailing", "invalid character 't' after top-level value"),
                Arguments.of(
                        "{'Network':'10.0.0.0/8'}",
                        "invalid character '\\'' looking for beginning of object key string"),
                Arguments.of("tr", "invalid character ' ' in literal true (expecting 'u')"),
                Arguments.of("tx", "invalid character 'x' in literal true (expecting 'r')"),
                Arguments.of("nul", "invalid character ' ' in literal null (expecting 'l')"),
                Arguments.of("nulx", "invalid character 'x' in literal null (expecting 'l')"),
                Arguments.of("fals", "invalid character ' ' in literal false (expecting 'e')"),
                Arguments.of("falsy", "invalid character 'y' in literal false (expecting 'e')"),
                Arguments.of("1.", "invalid character ' ' after decimal point in numeric literal"),
                Arguments.of("1.x", "invalid character 'x' after decimal point in numeric literal"),
                Arguments.of("1e", "invalid character ' ' in exponent of numeric literal"),
                Arguments.of("1e+", "invalid character ' ' in exponent of numeric literal"),
                Arguments.of("1ex", "invalid character 'x' in exponent of numeric literal"),
                Arguments.of("-", "invalid character ' ' in numeric literal"),
                Arguments.of("-x", "invalid character 'x' in numeric literal"),
                Arguments.of("01", "invalid character '1' after top-level value"),
                Arguments.of("{\"a\" 1}", "invalid character '1' after object key"),
                Arguments.of("{\"a\":1 \"b\":2}", "invalid character '\"' after object key:value pair"),
                Arguments.of("[1 2]", "invalid character '2' after array element"),
                Arguments.of("[1,]", "invalid character ']' looking for beginning of value"),
                Arguments.of("{,}", "invalid character ',' looking for beginning of object key string"),
                Arguments.of("{\"a\":1,}", "invalid character '}' looking for beginning of object key string"),
                Arguments.of("\"abc", "unexpected end of JSON input"),
                Arguments.of("\"a\tb\"", "invalid character '\\t' in string literal"),
                Arguments.of("\"\\x\"", "invalid character 'x' in string escape code"),
                Arguments.of("\"\\u12g4\"", "invalid character 'g' in \\u hexadecimal character escape"),
                Arguments.of("{\"Network\":\"10.0.0.0/8\"}", ""),
                Arguments.of("[]", ""),
                Arguments.of("{}", ""),
                Arguments.of("null", ""),
                Arguments.of(" true ", ""),
                Arguments.of("\ufeff{}", "invalid character '\u00ef' looking for beginning of value"),
                Arguments.of("\u00e9", "invalid character '\u00c3' looking for beginning of value"),
                Arguments.of("\u0080", "invalid character '\u00c2' looking for beginning of value"),
                Arguments.of("\177", "invalid character '\\x7f' looking for beginning of value"),
                Arguments.of("\\", "invalid character '\\\\' looking for beginning of value"),
                Arguments.of("'", "invalid character '\\'' looking for beginning of value"),
                Arguments.of("\"", "unexpected end of JSON input"),
                Arguments.of("}", "invalid character '}' looking for beginning of value"),
                Arguments.of("{\"a\":}", "invalid character '}' looking for beginning of value"),
                Arguments.of("[1]]", "invalid character ']' after top-level value"),
                Arguments.of("{\"a\":[1,{\"b\":tru}]}", "invalid character '}' in literal true (expecting 'e')"),
                Arguments.of("\000", "invalid character '\\x00' looking for beginning of value"),
                Arguments.of("\n{\n\"a\"\n:\n1\n}\n", ""),
                Arguments.of("{\"a\"\n}", "invalid character '}' after object key"),
                Arguments.of("1 2", "invalid character '2' after top-level value"),
                Arguments.of("0.5e-3", ""),
                Arguments.of("-0", ""),
                Arguments.of("1E5", ""),
                Arguments.of("[-]", "invalid character ']' in numeric literal"),
                Arguments.of("\u00a0", "invalid character '\u00c2' looking for beginning of value"),
                Arguments.of("\u00ad", "invalid character '\u00c2' looking for beginning of value"),
                Arguments.of(
                        "{\"Network\":\"10.1.0.0/16\",\"Backend\":{\"Type\":\"vxlan\"}",
                        "unexpected end of JSON input"),
                Arguments.of("{\"a\":1}}", "invalid character '}' after top-level value"),
                Arguments.of("[[]]x", "invalid character 'x' after top-level value"),
                Arguments.of("{\"a\":{}}", ""),
                Arguments.of("[\"a\",\"b\"] ", ""),
                Arguments.of("\"\\u00e9\"", ""),
                Arguments.of("1.5x", "invalid character 'x' after top-level value"),
                Arguments.of("-01", "invalid character '1' after top-level value"),
                Arguments.of("{\"a\":-}", "invalid character '}' in numeric literal"),
                Arguments.of("\"\\", "invalid character ' ' in string escape code"),
                Arguments.of("\r\n", "unexpected end of JSON input"),
                Arguments.of("\001", "invalid character '\\x01' looking for beginning of value"),
                Arguments.of("\033", "invalid character '\\x1b' looking for beginning of value"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("goAnswers")
    void reportsTheFirstSyntaxErrorInGosWords(String text, String goError) {
        assertThat(GoJsonSyntax.firstError(text))
                .isEqualTo(goError.isEmpty() ? Optional.empty() : Optional.of(goError));
    }

    @Test
    void quotesCharactersAsGosQuoteCharDoes() {
        assertThat(GoJsonSyntax.quote('h')).isEqualTo("'h'");
        assertThat(GoJsonSyntax.quote('\'')).isEqualTo("'\\''");
        assertThat(GoJsonSyntax.quote('"')).isEqualTo("'\"'");
        assertThat(GoJsonSyntax.quote('\t')).isEqualTo("'\\t'");
        assertThat(GoJsonSyntax.quote(0x1b)).isEqualTo("'\\x1b'");
        assertThat(GoJsonSyntax.quote(0x85)).isEqualTo("'\\u0085'");
        assertThat(GoJsonSyntax.quote(0xC3)).isEqualTo("'\u00c3'");
    }
}
