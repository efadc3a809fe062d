package io.eventscope.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Whatever the buffer size and however the stream hands out its bytes, every line arrives whole, once, in order. */
class LineSplitterProperties {

    /** The word-at-a-time search finds the first newline a byte-at-a-time scan finds, whatever bytes surround it. */
    @Property(tries = 3000)
    void theFirstNewlineIsFoundAsAByteScanFindsIt(@ForAll("bytes") byte[] buf, @ForAll @IntRange(min = 0, max = 40) int from) {
        int start = Math.min(from, buf.length);
        int expected = -1;
        for (int i = start; i < buf.length; i++) {
            if (buf[i] == '\n') {
                expected = i;
                break;
            }
        }
        assertThat(LineSplitter.newline(buf, start, buf.length)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        // Newlines beside bytes one bit or one borrow away from them, and high bytes.
        return Arbitraries.of((byte) '\n', (byte) 0x0B, (byte) 0x09, (byte) 0x8A, (byte) 0x00, (byte) 0xFF, (byte) 0x01,
                (byte) 'a', (byte) (0x0A ^ 0x80), (byte) 0x1A).list().ofMaxSize(70).map(list -> {
                    byte[] b = new byte[list.size()];
                    for (int i = 0; i < b.length; i++) {
                        b[i] = list.get(i);
                    }
                    return b;
                });
    }

    @Property(tries = 500)
    void everyLineArrivesWholeAndInOrder(@ForAll("texts") String text, @ForAll @IntRange(min = 1, max = 40) int bufferSize,
                                         @ForAll @IntRange(min = 1, max = 50) int readSize) throws IOException {
        List<String> got = new ArrayList<>();
        // What the consumer was handed last time, and a copy taken then: it must not change until the next batch.
        Object[] previous = new Object[4];
        LineSplitter splitter = new LineSplitter((buf, starts, ends, count) -> {
            if (previous[0] != null) {
                byte[] buffer = (byte[]) previous[0];
                int from = (int) previous[1];
                int to = (int) previous[2];
                assertThat(Arrays.copyOfRange(buffer, from, to)).isEqualTo(previous[3]);
            }
            for (int k = 0; k < count; k++) {
                got.add(new String(buf, starts[k], ends[k] - starts[k], StandardCharsets.UTF_8));
            }
            previous[0] = buf;
            previous[1] = starts[0];
            previous[2] = ends[count - 1];
            previous[3] = Arrays.copyOfRange(buf, starts[0], ends[count - 1]);
        }, bufferSize);
        InputStream in = new ShortReads(text.getBytes(StandardCharsets.UTF_8), readSize);
        while (splitter.readFrom(in) >= 0) {
            // keep reading
        }
        assertThat(got).containsExactlyElementsOf(expectedLines(text));
    }

    /** Lines as a reader of JSON Lines expects them: split on \n, a \r before it dropped, no empty last line. */
    private static List<String> expectedLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                String line = text.substring(start, i);
                lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
                start = i + 1;
            }
        }
        if (start < text.length()) {
            String line = text.substring(start);
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        return lines;
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> line = Arbitraries.strings().withChars("ab{}\"é\r ").ofMaxLength(90);
        return line.list().ofMaxSize(20).flatMap(lines -> Arbitraries.of("\n", "\r\n")
                .map(sep -> String.join(sep, lines))
                .flatMap(joined -> Arbitraries.of("", "\n").map(end -> joined + end)));
    }

    /** A stream that returns at most {@code most} bytes per read, as pipes and sockets do. */
    private static final class ShortReads extends InputStream {
        private final ByteArrayInputStream in;
        private final int most;

        ShortReads(byte[] data, int most) {
            this.in = new ByteArrayInputStream(data);
            this.most = most;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, Math.min(len, most));
        }
    }
}
