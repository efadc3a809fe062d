package io.eventscope.cli;

import io.eventscope.audit.evidence.PackWriter;
import io.eventscope.audit.evidence.StreamedPack;
import io.eventscope.audit.evidence.SigningKey;
import io.eventscope.replay.Masks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code export SOURCE (--position N | --at INSTANT) --out DIR [--cite P,…]}: a signed evidence pack. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write an evidence pack for one cut of the source: events.jsonl with its Merkle root, state.json, "
                + "a signed manifest, citations with inclusion proofs, report.html and verify.py.")
public final class ExportCommand implements Callable<Integer> {
    @Mixin
    SourceOptions source;

    @ArgGroup(exclusive = true)
    StateCommand.Moment moment;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "A new or empty folder for the pack.")
    Path out;

    @Option(names = "--cite", split = ",", paramLabel = "P1,P2,…",
            description = "Positions to cite with RFC 6962 inclusion proofs (citations.json).")
    List<Integer> cite = List.of();

    @Option(names = "--signing-key-folder", paramLabel = "DIR",
            description = "Where the Ed25519 signing key is kept (created on first export; default ~/.eventscope).")
    Path keyFolder = defaultKeyFolder();

    @Spec
    CommandSpec spec;

    /** The user's Eventscope folder, where the viewer keeps recent connections too. */
    static Path defaultKeyFolder() {
        return Path.of(System.getProperty("user.home"), ".eventscope");
    }

    /**
     * Reads the source once, as a stream: the audit, the state at the cut (the replay's fold) and events.jsonl
     * (written and hashed as the lines pass, cut back at the end when the cut is a time) in the same read.
     * Memory is bounded by entities and cited positions, not events.
     */
    @Override
    public Integer call() {
        String projectionText = source.projectionText();
        PrintWriter o = spec.commandLine().getOut();
        Masks masks = source.masks(source.projection(), Masks.Mode.HASH);
        try (StreamedPack pack = StreamedPack.upTo(out, cite, masks, moment == null ? null : moment.position,
                moment == null ? null : moment.at)) {
            StreamedCut read = StreamedCut.read(source, moment, true, pack.readers());
            SigningKey key = SigningKey.inFolder(keyFolder);
            PackWriter.Result r = pack.write(read.streamed(), read.spec(), read.cut(), read.state(), projectionText, key,
                    tool(), Clock.systemUTC());
            if (r.keyCreated()) {
                o.println("Created a signing key in " + keyFolder + " (keep it private).");
            }
            o.printf("Evidence pack written to %s: %d events, Merkle root %s%n", r.dir(), r.events(), r.merkleRoot());
            o.println("Signed with key fingerprint " + r.fingerprint());
            o.println("Verify with: eventscope verify-pack " + r.dir() + "   or: python3 " + r.dir().resolve("verify.py"));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            throw new UserError("The evidence pack could not be written to " + out + ": " + e.getMessage()
                    + ". Check the folder and the free space, then export again.");
        }
        o.flush();
        return 0; // streamed to the end: never partial
    }

    static String tool() {
        return new EventscopeCommand.Version().getVersion()[0];
    }
}
