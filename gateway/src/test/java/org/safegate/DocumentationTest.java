package org.safegate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safegate.testing.TestFiles.repositoryRoot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README stays short, and the documents point only at what the repository holds: a reader of
 * a clean clone finds every page and section a link names, and nothing outside the clone.
 */
class DocumentationTest {
    /** The README says what Safegate is and where to read on; the reference lives in docs/. */
    private static final long README_MOST_BYTES = 12_288;

    /** {@code [text](target)} and {@code ![alt](target)}: the target in angle brackets, or up to a title or ')'. */
    private static final Pattern INLINE_LINK = Pattern.compile(
            "\\]\\(\\s*(?:<([^>\\n]*)>|([^)\\s]*))(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** {@code [label]: target} on a line of its own. */
    private static final Pattern REFERENCE_LINK = Pattern.compile("(?m)^\\s{0,3}\\[[^\\]]+\\]:\\s*<?([^\\s>]+)>?");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern FENCE = Pattern.compile("(?ms)^\\s*(```|~~~).*?^\\s*\\1[^\\n]*$");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`\\n]*`");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*#*\\s*$");

    @Test
    void theReadmeIsAtMost12KiB() throws IOException {
        Path readme = repositoryRoot().resolve("README.md");
        assertThat(Files.size(readme)).as("bytes in README.md: move reference material into docs/")
                .isLessThanOrEqualTo(README_MOST_BYTES);
    }

    @Test
    void everyRelativeLinkPointsAtAFileInTheRepository() throws IOException {
        Path root = repositoryRoot().toRealPath();
        List<String> broken = new ArrayList<>();
        for (Path document : documents(root)) {
            for (String target : links(Files.readString(document, StandardCharsets.UTF_8))) {
                String file = withoutFragment(target);
                if (file.isEmpty()) {
                    continue;
                }
                Path resolved = resolve(document, file);
                if (resolved == null || !resolved.startsWith(root)) {
                    broken.add(name(root, document) + ": " + target + " leaves the repository");
                } else if (!Files.exists(resolved, LinkOption.NOFOLLOW_LINKS)) {
                    broken.add(name(root, document) + ": " + target + " does not exist");
                } else if (!resolved.toRealPath().startsWith(root)) {
                    broken.add(name(root, document) + ": " + target + " leads out of the repository through a link");
                }
            }
        }
        assertThat(broken).as("relative links in README.md and docs/*.md").isEmpty();
    }

    @Test
    void everyLinkToASectionNamesAHeadingOfItsPage() throws IOException {
        Path root = repositoryRoot().toRealPath();
        List<String> broken = new ArrayList<>();
        for (Path document : documents(root)) {
            for (String target : links(Files.readString(document, StandardCharsets.UTF_8))) {
                int hash = target.indexOf('#');
                if (hash < 0 || SCHEME.matcher(target).find()) {
                    continue;
                }
                String file = withoutFragment(target);
                Path page = file.isEmpty() ? document : resolve(document, file);
                if (page == null || !page.toString().endsWith(".md") || !Files.isRegularFile(page)) {
                    continue;
                }
                Set<String> anchors = anchors(Files.readString(page, StandardCharsets.UTF_8));
                if (!anchors.contains(target.substring(hash + 1))) {
                    broken.add(name(root, document) + ": " + target + " (headings give " + anchors + ")");
                }
            }
        }
        assertThat(broken).as("links to sections of README.md and docs/*.md").isEmpty();
    }

    @Test
    void noDocumentPointsAtTheSharedFolderOutsideTheRepository() throws IOException {
        Path root = repositoryRoot().toRealPath();
        List<String> found = new ArrayList<>();
        for (Path document : documents(root)) {
            if (Files.readString(document, StandardCharsets.UTF_8).contains("../shared")) {
                found.add(name(root, document));
            }
        }
        assertThat(found).as("documents that mention ../shared").isEmpty();
    }

    @Test
    void theLinkReaderFindsLinksAndSkipsCodeAndAddresses() {
        String text = String.join("\n",
                "See [a](docs/a.md), ![b](img/b.png \"title\") and [c](<docs/c d.md>).",
                "[d]: docs/d.md",
                "[web](https://example.org/x.md) [mail](mailto:x@example.org) [here](#section)",
                "`[not](code.md)` and",
                "```",
                "[not](fenced.md)",
                "```",
                "[e](../outside.md#part)");
        assertThat(links(text)).containsExactly("docs/a.md", "img/b.png", "docs/c d.md", "#section",
                "../outside.md#part", "docs/d.md");
        assertThat(links("")).isEmpty();
        assertThat(links("[]() [x]( ) ](")).isEmpty();
    }

    @Test
    void headingsGiveTheAnchorsAMarkdownRendererMakes() {
        assertThat(anchors("# Admin API\n## Keys and certificates\n### `policy check`\n## The data folder\n"
                + "## Keys and certificates\n```\n# not a heading\n```\n"))
                .containsExactlyInAnyOrder("admin-api", "keys-and-certificates", "policy-check", "the-data-folder",
                        "keys-and-certificates-1");
        assertThat(anchors("## Sealing and opening, against OpenSSL")).containsExactly(
                "sealing-and-opening-against-openssl");
    }

    /** README.md and every Markdown page directly in docs/. */
    private static List<Path> documents(Path root) throws IOException {
        List<Path> documents = new ArrayList<>();
        documents.add(root.resolve("README.md"));
        try (Stream<Path> pages = Files.list(root.resolve("docs"))) {
            pages.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    /** The link targets of a Markdown text that are neither web addresses nor inside code. */
    static List<String> links(String markdown) {
        String text = CODE_SPAN.matcher(FENCE.matcher(markdown).replaceAll("")).replaceAll("");
        List<String> targets = new ArrayList<>();
        for (Pattern pattern : List.of(INLINE_LINK, REFERENCE_LINK)) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                String target = (m.group(1) != null ? m.group(1) : m.group(m.groupCount())).trim();
                if (!target.isEmpty() && !SCHEME.matcher(target).find()) {
                    targets.add(target);
                }
            }
        }
        return targets;
    }

    /** The anchors the headings of a page give, as GitHub makes them (a repeated heading gets -1, -2 ...). */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new HashSet<>();
        Matcher m = HEADING.matcher(FENCE.matcher(markdown).replaceAll(""));
        while (m.find()) {
            String slug = m.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
            String anchor = slug;
            for (int n = 1; !anchors.add(anchor); n++) {
                anchor = slug + "-" + n;
            }
        }
        return anchors;
    }

    private static String withoutFragment(String target) {
        int cut = target.length();
        for (char c : new char[] {'#', '?'}) {
            int at = target.indexOf(c);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return target.substring(0, cut);
    }

    /** The target against the document's folder; null when it is no path at all. */
    private static Path resolve(Path document, String target) {
        try {
            String path = java.net.URLDecoder.decode(target.replace("+", "%2B"), StandardCharsets.UTF_8);
            return (path.startsWith("/") ? Path.of(path) : document.getParent().resolve(path)).normalize();
        } catch (IllegalArgumentException e) {
            // an undecodable escape, or an InvalidPathException
            return null;
        }
    }

    private static String name(Path root, Path document) {
        return root.relativize(document).toString();
    }
}
