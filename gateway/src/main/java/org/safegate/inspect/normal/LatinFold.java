package org.safegate.inspect.normal;

/**
 * {@link Text#fold} by table for text of Latin-1 and Latin Extended-A characters (below U+0180),
 * which covers the accents of most names, without a Unicode normaliser and a regex per name. Each
 * character's fold is computed once by the general path. Folding a whole text there gives the same
 * as folding it character by character: no decomposition of these characters starts with a
 * combining mark (so none reorders across characters), and upper-casing in the root locale has no
 * context. {@code FoldProperties} checks the two against each other.
 */
final class LatinFold {
    static final char LIMIT = 0x180;
    private static final String[] FOLDS = new String[LIMIT];

    static {
        for (char c = 0; c < LIMIT; c++) {
            FOLDS[c] = Text.foldGeneral(String.valueOf(c));
        }
    }

    private LatinFold() {
    }

    /** The fold of text whose characters are all below {@link #LIMIT}. */
    static String fold(String raw) {
        StringBuilder out = new StringBuilder(raw.length() + 4);
        for (int i = 0; i < raw.length(); i++) {
            out.append(FOLDS[raw.charAt(i)]);
        }
        return out.toString();
    }
}
