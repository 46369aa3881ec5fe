package org.safegate.policy.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.safegate.policy.model.Agency;
import org.safegate.policy.model.Agreement;
import org.safegate.policy.model.Operator;
import org.safegate.policy.model.PolicySet;
import org.safegate.policy.model.Safeguards;

/**
 * Loads a policy folder ({@code agencies/}, {@code agreements/}, {@code safeguards/},
 * {@code operators/}, one YAML file per object) strictly: every problem in every file is
 * reported with its file, line and field, and a set with any error is never returned.
 */
public final class PolicyLoader {
    /** Policy files are small; anything larger is a mistake or an attack. */
    public static final long DEFAULT_MAX_FILE_BYTES = 256 * 1024;

    private static final List<String> FOLDERS = List.of("agencies", "agreements", "safeguards", "operators");

    private final Path baseDir;
    private final long maxFileBytes;

    /**
     * @param baseDir the directory relative certificate paths resolve against (where the gateway runs)
     */
    public PolicyLoader(Path baseDir, long maxFileBytes) {
        this.baseDir = baseDir;
        this.maxFileBytes = maxFileBytes;
    }

    public PolicyLoader(Path baseDir) {
        this(baseDir, DEFAULT_MAX_FILE_BYTES);
    }

    public PolicyLoadResult load(Path policyDir) {
        Problems problems = new Problems();
        Path root = policyDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            problems.error(policyDir, 0, "", ProblemCode.FILE_UNREADABLE, "policy folder not found");
            return new PolicyLoadResult(Optional.empty(), problems.errors(), problems.warnings());
        }
        Shown shown = file -> policyDir.resolve(root.relativize(file));
        warnAboutStrayEntries(root, shown, problems);
        YamlFileReader reader = new YamlFileReader(root, maxFileBytes, problems);
        List<Agency> agencies = readAll(root, "agencies", shown, reader, problems,
                (in, p) -> new AgencyParser().parse(in));
        List<Agreement> agreements = readAll(root, "agreements", shown, reader, problems,
                (in, p) -> new AgreementParser().parse(in, p));
        List<Safeguards> safeguards = readAll(root, "safeguards", shown, reader, problems,
                (in, p) -> new SafeguardsParser().parse(in, p));
        List<Operator> operators = readAll(root, "operators", shown, reader, problems,
                (in, p) -> new OperatorParser().parse(in, p));

        new PolicySetValidator(baseDir, problems).validate(agencies, agreements, safeguards, operators);
        Optional<PolicySet> set = problems.errorCount() == 0
                ? Optional.of(new PolicySet(agencies, agreements, safeguards, operators))
                : Optional.empty();
        return new PolicyLoadResult(set, problems.errors(), problems.warnings());
    }

    /** How a file is named in messages: under the policy folder as the user gave it. */
    private interface Shown {
        Path of(Path file);
    }

    private static <T> List<T> readAll(Path root, String folder, Shown shown, YamlFileReader reader,
                                       Problems problems,
                                       BiFunction<MappingReader, Problems, Optional<T>> parser) {
        List<T> objects = new ArrayList<>();
        for (Path file : yamlFiles(root, folder, shown, problems)) {
            reader.read(file, shown.of(file))
                    .flatMap(node -> MappingReader.of(node, shown.of(file), "", problems))
                    .flatMap(in -> parser.apply(in, problems))
                    .ifPresent(objects::add);
        }
        return objects;
    }

    private static List<Path> yamlFiles(Path root, String folder, Shown shown, Problems problems) {
        Path dir = root.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> files = new ArrayList<>();
            for (Path entry : entries.sorted().toList()) {
                String name = entry.getFileName().toString();
                if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                    files.add(entry);
                } else if (!name.startsWith(".")) {
                    problems.warning(shown.of(entry), 0, "", ProblemCode.UNEXPECTED_FILE,
                            "is not a .yaml file and was ignored");
                }
            }
            return files;
        } catch (IOException e) {
            problems.error(shown.of(dir), 0, "", ProblemCode.FILE_UNREADABLE,
                    "cannot be listed: " + e.getMessage());
            return List.of();
        }
    }

    private static void warnAboutStrayEntries(Path root, Shown shown, Problems problems) {
        try (Stream<Path> entries = Files.list(root)) {
            entries.sorted()
                    .filter(p -> Files.isDirectory(p) && !FOLDERS.contains(p.getFileName().toString()))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .forEach(p -> problems.warning(shown.of(p), 0, "", ProblemCode.UNEXPECTED_FILE,
                            "is not a policy folder (" + String.join(", ", FOLDERS) + ") and was ignored"));
        } catch (IOException e) {
            problems.error(root, 0, "", ProblemCode.FILE_UNREADABLE, "cannot be listed: " + e.getMessage());
        }
    }
}
