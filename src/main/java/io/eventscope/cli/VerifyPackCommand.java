package io.eventscope.cli;

import io.eventscope.audit.evidence.PackChecker;
import io.eventscope.load.TimelineLoad;
import io.eventscope.replay.MaskSalt;
import io.eventscope.source.SourceException;
import io.eventscope.source.nats.Passwords;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code verify-pack DIR [--source SOURCE]}: re-checks an evidence pack; exit 0 intact, 3 at a difference. */
@Command(name = "verify-pack", mixinStandardHelpOptions = true,
        description = "Re-check an evidence pack: the signature, the Merkle root, every citation's proof, and that "
                + "replaying events.jsonl under the recorded projection gives state.json; with --source, that the "
                + "source still holds the same events. Names the first difference. Exit 0 when intact, 3 otherwise.")
public final class VerifyPackCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "The pack's folder.")
    Path dir;

    @Option(names = "--source", paramLabel = "SOURCE", description = "Also check the source still holds these events.")
    String source;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "With --source: the broker password from the first line of FILE (else EVENTSCOPE_PASSWORD).")
    Path passwordFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            throw new UserError("There is no pack folder " + dir + "; name the folder export wrote.");
        }
        PrintWriter out = spec.commandLine().getOut();
        PackChecker.SourceLoader loader = source == null ? null : projection -> TimelineLoad.under(projection)
                .password(password()).read(source);
        try {
            List<String> held = new PackChecker(dir, salt()).check(loader);
            held.forEach(h -> out.println("ok  " + h));
            out.println("INTACT: " + dir);
            out.flush();
            return 0;
        } catch (PackChecker.Difference d) {
            out.println("DIFFERENT: " + d.getMessage());
            out.flush();
            return VerifyCommand.FINDINGS;
        } catch (IOException e) {
            throw new UserError("The pack in " + dir + " could not be checked: " + e.getMessage());
        }
    }

    @Option(names = "--mask-salt", paramLabel = "FILE", description = "With --source, for a pack with masked values: "
            + "the exporting installation's mask salt (default ~/.eventscope/mask-salt, when it exists).")
    Path maskSalt;

    /** The salt a masked pack's hashes were made with, when this installation has it; else null. */
    private byte[] salt() {
        Path file = maskSalt != null ? maskSalt
                : Path.of(System.getProperty("user.home"), ".eventscope", MaskSalt.FILE_NAME);
        if (source == null || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            return MaskSalt.read(file);
        } catch (IOException e) {
            throw new UserError(e.getMessage());
        }
    }

    private String password() {
        try {
            return Passwords.resolve(passwordFile, System.getenv());
        } catch (SourceException e) {
            throw new UserError(e.getMessage());
        }
    }
}
