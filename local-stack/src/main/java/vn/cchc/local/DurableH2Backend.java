package vn.cchc.local;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The H2 (MVStore) backend, committing each write before it is acknowledged. {@code MVStore.open} commits in the
 * background once a second (its autoCommitDelay), so a wire server killed with SIGKILL could lose up to a second of
 * acknowledged writes (a publication answered 201, its outbox entry). A commit writes the changed pages to the file (the
 * OS page cache: it survives the process, not a power cut; production MongoDB journals). Measured (4,000 writes, a
 * loaded 2-core machine): 6.7 ms a write against 6.4 ms without, within the noise; the file grows faster (a chunk per
 * commit: 100 MB against 2 MB), MVStore reuses chunks older than its retention time (45 s) and compacts in the background.
 */
final class DurableH2Backend extends H2Backend {
    DurableH2Backend(String file) {
        super(file);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        Document answer = super.handleCommand(channel, database, command, query);
        if (getMvStore().hasUnsavedChanges()) {
            commit();
        }
        return answer;
    }
}
