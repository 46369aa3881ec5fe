package org.safegate.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import org.safegate.files.JsonDocuments;
import org.safegate.recall.Recall;
import org.safegate.recall.RecallItem;

/**
 * What a holder reads once it opens its recall notice ({@code <inbox>/recalls/<recall-id>.json.p7m}):
 * the recall, who issued it, by when the holder must dispose of the data, the notice text, and the
 * holder's own items only (never another holder's, nor the recall's internal reason).
 */
public record RecallNoticeDocument(String recall, String issuer, String holder, String issuedAt, String due,
                                   String notice, List<Item> items) {

    /** One delivery the holder must dispose of, as the recall's item says it. */
    public record Item(String transfer, String agreement, String deliveredName, String sha256, String deliveredAt,
                       String parent, List<String> recordIds) {
    }

    public RecallNoticeDocument {
        items = List.copyOf(items);
    }

    public static RecallNoticeDocument of(Recall recall, String holder) {
        return new RecallNoticeDocument(recall.id(), recall.issuer(), holder, recall.issuedAt().toString(),
                recall.due().toString(), recall.notice(), recall.items().stream()
                        .filter(i -> i.holder().equals(holder)).map(RecallNoticeDocument::item).toList());
    }

    private static Item item(RecallItem i) {
        return new Item(i.transfer(), i.agreement(), i.deliveredName(), i.sha256(), i.deliveredAt().toString(),
                i.parent(), i.recordIds());
    }

    /** The document as the holder's file holds it (indented JSON, UTF-8). */
    public byte[] bytes() {
        try {
            return JsonDocuments.MAPPER.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the notice of recall " + recall, e);
        }
    }
}
