package dev.jobstatus.core.internal.transport;

import java.io.InputStream;
import okio.Buffer;

/**
 * Reads a buffer's bytes without consuming them or copying the buffer, so that a body handed to the parser is still
 * there for the excerpt of an error. (A shared copy of the buffer would cost more than it saves: OkHttp does not put a
 * shared segment back in its pool, so the next response would allocate a new one.)
 */
final class PeekingInputStream extends InputStream {
    private final Buffer.UnsafeCursor cursor;
    private final long size;
    private long offset;

    PeekingInputStream(Buffer buffer) {
        this.cursor = buffer.readUnsafe();
        this.size = buffer.size();
    }

    @Override
    public int read() {
        if (offset >= size) {
            return -1;
        }
        cursor.seek(offset++);
        return cursor.data[cursor.start] & 0xff;
    }

    @Override
    public int read(byte[] sink, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (offset >= size) {
            return -1;
        }
        cursor.seek(offset);
        int n = Math.min(len, cursor.end - cursor.start);
        System.arraycopy(cursor.data, cursor.start, sink, off, n);
        offset += n;
        return n;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, size - offset);
    }

    @Override
    public void close() {
        if (cursor.buffer != null) {
            cursor.close();
        }
    }
}
