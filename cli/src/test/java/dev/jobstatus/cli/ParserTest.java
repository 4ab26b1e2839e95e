package dev.jobstatus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command-line grammar: option forms, lists, parameters, and the message of every way to get it wrong. */
class ParserTest {
    private static final Param<Long> ID = Param.of("ID", "The id.", Converter.LONG);
    private static final Option<Duration> TIMEOUT = Option.value("--timeout", "DURATION", "How long", Converter.DURATION, "10m");
    private static final Option<String> FIELDS = Option.list("--fields", "FIELD", "Fields.");
    private static final Option<Boolean> JSON = Option.flag("--json", "JSON.");
    private static final Option<String> NAME = Option.value("--name", "NAME", "A name.", Converter.TEXT);

    private static Command tree() {
        return Command.group("tool", "A tool.").options(Command.VERSION).subcommands(
                Command.group("jobs", "Jobs.").subcommands(
                        Command.leaf("get", (args, context) -> 0, "Get one.").params(ID).options(TIMEOUT, FIELDS, JSON, NAME)));
    }

    private static Parser.Invocation parse(String... words) {
        return Parser.parse(tree(), words);
    }

    @Test
    void optionsTakeTheirValueAfterASpaceOrAnEqualsSignAndMayComeBeforeOrAfterTheParameters() {
        Parser.Invocation spaced = parse("jobs", "get", "--timeout", "5s", "7", "--json");
        Parser.Invocation joined = parse("jobs", "get", "--timeout=5s", "--json", "7");

        for (Parser.Invocation invocation : List.of(spaced, joined)) {
            assertThat(invocation.command().qualifiedName()).isEqualTo("tool jobs get");
            assertThat(invocation.args().get(ID)).isEqualTo(7L);
            assertThat(invocation.args().get(TIMEOUT)).isEqualTo(Duration.ofSeconds(5));
            assertThat(invocation.args().flag(JSON)).isTrue();
            assertThat(invocation.args().get(NAME)).isNull();
        }
    }

    @Test
    void aDefaultFillsAnOptionNotGivenAndAFlagNotGivenIsFalse() {
        Args args = parse("jobs", "get", "7").args();

        assertThat(args.get(TIMEOUT)).isEqualTo(Duration.ofMinutes(10));
        assertThat(args.flag(JSON)).isFalse();
        assertThat(args.all(FIELDS)).isEmpty();
    }

    @Test
    void aListOptionSplitsOnCommasAndAddsUpWhenRepeated() {
        Args args = parse("jobs", "get", "7", "--fields", "a, b,,c", "--fields=d").args();

        assertThat(args.all(FIELDS)).containsExactly("a", "b", "c", "d");
    }

    @Test
    void aNegativeNumberIsAValueAndDoubleDashEndsTheOptions() {
        assertThat(parse("jobs", "get", "-5").args().get(ID)).isEqualTo(-5L);
        assertThat(parse("jobs", "get", "--name", "--json", "7").args().get(NAME)).isEqualTo("--json");
        Parser.Invocation afterDashes = parse("jobs", "get", "--", "8");
        assertThat(afterDashes.args().get(ID)).isEqualTo(8L);
    }

    @Test
    void helpWinsOverAMissingParameterAndNamesTheCommandReached() {
        Parser.Invocation help = parse("jobs", "get", "-h");
        Parser.Invocation version = parse("-V");

        assertThat(help.help()).isTrue();
        assertThat(help.command().qualifiedName()).isEqualTo("tool jobs get");
        assertThat(version.version()).isTrue();
    }

    @Test
    void everyMistakeIsAUsageErrorThatSaysWhatWasWrongAndWhichCommandsHelpToRead() {
        assertUsage(new String[] {"jobs", "get"}, "tool jobs get", "Missing required parameter: 'ID'");
        assertUsage(new String[] {"jobs", "get", "x"}, "tool jobs get", "Invalid value for parameter ID: 'x' is not a whole number");
        assertUsage(new String[] {"jobs", "get", "7", "--timeout", "soon"}, "tool jobs get",
                "Invalid value for option '--timeout': 'soon' is not a duration: write a number and a unit, such as 500ms, 30s, 10m or 1h");
        assertUsage(new String[] {"jobs", "get", "7", "--timeout", "0s"}, "tool jobs get",
                "Invalid value for option '--timeout': '0s' must be longer than zero");
        assertUsage(new String[] {"jobs", "get", "7", "--timeout"}, "tool jobs get",
                "Missing required parameter for option '--timeout' (DURATION)");
        assertUsage(new String[] {"jobs", "get", "7", "--name", "a", "--name", "b"}, "tool jobs get",
                "option '--name' (NAME) should be given only once");
        assertUsage(new String[] {"jobs", "get", "7", "--json=yes"}, "tool jobs get",
                "option '--json' takes no value, but was given 'yes'");
        assertUsage(new String[] {"jobs", "get", "7", "--colour", "red"}, "tool jobs get", "Unknown options: '--colour', 'red'");
        assertUsage(new String[] {"jobs", "get", "7", "8"}, "tool jobs get", "Unmatched argument: '8'");
        assertUsage(new String[] {"jobs"}, "tool jobs", "Missing required subcommand: one of get");
        assertUsage(new String[] {"jobz", "get"}, "tool", "Unknown command: 'tool jobz'");
        assertUsage(new String[] {"jobs", "-V"}, "tool jobs", "Unknown option: '-V'");
    }

    private static void assertUsage(String[] words, String command, String message) {
        assertThatThrownBy(() -> parse(words)).isInstanceOfSatisfying(UsageException.class, e -> {
            assertThat(e).hasMessage(message);
            assertThat(e.command().qualifiedName()).isEqualTo(command);
        });
    }

    @Test
    void helpListsEveryOptionWithinEightyColumnsAndEndsWithTheExamples() {
        String help = Help.of(JobstatusCli.ROOT.subcommands().get("nexudus").subcommands().get("list"));

        assertThat(help).startsWith("Usage: jobstatus nexudus list [-h] [--allow-http] [--desc]")
                .contains("      --page-size=N ", "  -h, --help ", "      --verbose ", "\nExamples:\n  jobstatus nexudus list --status");
        assertThat(help.substring(0, help.indexOf("Examples:")).lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    }
}
