package vn.binhyen.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * What the matcher reads of each candidate, kept in one binary doc-values column of the index. Doc values are read in
 * place from the memory map; stored fields decompress a block of documents for every hit, which was a sixth of a
 * question's time at 50,000 entries.
 *
 * @param bodyTerms the body's terms, space-separated
 * @param phrasingTerms per phrasing (title, listed question, a clause of one, a learned question) its terms,
 *     space-separated
 */
record HitData(long id, String slug, String title, String bodyTerms, List<String> phrasingTerms) {

    BytesRef encode() {
        var out = new ByteBuffersDataOutput();
        try {
            out.writeVLong(id);
            out.writeString(slug);
            out.writeString(title);
            out.writeString(bodyTerms);
            out.writeVInt(phrasingTerms.size());
            for (String terms : phrasingTerms) {
                out.writeString(terms);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BytesRef(out.toArrayCopy());
    }

    static HitData decode(BytesRef bytes) {
        var in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
        try {
            long id = in.readVLong();
            String slug = in.readString();
            String title = in.readString();
            String bodyTerms = in.readString();
            int phrasings = in.readVInt();
            List<String> phrasingTerms = new ArrayList<>(phrasings);
            for (int i = 0; i < phrasings; i++) {
                phrasingTerms.add(in.readString());
            }
            return new HitData(id, slug, title, bodyTerms, phrasingTerms);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
