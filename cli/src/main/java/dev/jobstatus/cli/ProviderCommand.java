package dev.jobstatus.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** A provider's leaf command ({@code nexudus get}, {@code wix items}…): its context, and the options all of them take. */
abstract class ProviderCommand implements Callable<Integer> {
    final Context context;

    @Mixin
    ProviderOptions options;

    ProviderCommand(Context context) {
        this.context = context;
    }

    Output output() {
        return options.output(context);
    }
}
