package dev.jobstatus.cli;

import java.util.Locale;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jobstatus completion [bash|zsh]}: the shell completion script of every command, option and known value,
 * as picocli's {@link AutoComplete} writes it. One script serves both shells: under zsh it turns on zsh's bash
 * completion itself.
 */
@Command(
        name = "completion",
        aliases = "generate-completion",
        description = {
            "Print the completion script for bash or zsh: commands, options and their known values complete on TAB.",
            "bash: add `source <(jobstatus completion bash)` to ~/.bashrc; zsh: add `source <(jobstatus completion "
                    + "zsh)` to ~/.zshrc."
        },
        footer = {"  source <(jobstatus completion bash)", "  jobstatus completion zsh > ~/.jobstatus-completion.zsh"})
final class CompletionCommand implements Runnable {
    /** The shells the script serves. */
    enum Shell {
        BASH,
        ZSH;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Parameters(
            paramLabel = "SHELL",
            arity = "0..1",
            defaultValue = "bash",
            description = "bash or zsh (default: ${DEFAULT-VALUE}); the script is the same for both.")
    private Shell shell;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine()
                .getOut()
                .print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
        spec.commandLine().getOut().flush();
    }
}
