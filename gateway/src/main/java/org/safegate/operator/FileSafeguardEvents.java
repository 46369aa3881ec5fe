package org.safegate.operator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.function.Supplier;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.audit.AuditEntry;
import org.safegate.audit.AuditEventType;
import org.safegate.audit.AuditLog;
import org.safegate.audit.Outcome;
import org.safegate.files.FileModes;
import org.safegate.policy.load.PolicyLoadResult;
import org.safegate.policy.load.PolicyLoader;
import org.safegate.policy.load.PolicyProblem;
import org.safegate.policy.model.PolicySet;
import org.safegate.policy.model.Safeguards;

/**
 * Records safeguard events in the agencies' safeguard files. For each event, in this order:
 * read and check the event; build the file's new content; load the whole policy set with it in
 * place (in a copy: an invalid result changes nothing); keep the old and new versions in the
 * policy history; audit the change (operator, digests before and after, changed lines); replace
 * the file atomically; reload the running policy set. Events are applied one at a time (within
 * the process and, through a file lock under the data folder, across processes), so two events
 * at once never lose one.
 */
public final class FileSafeguardEvents implements SafeguardEvents {
    private final PolicyFileReplacer files;
    private final Supplier<PolicySet> running;
    private final Runnable reload;
    private final AuditLog audit;
    private final Clock clock;
    private final Path lockFile;

    /**
     * @param loader   loads policy folders as the gateway does (same base folder for certificate paths)
     * @param policies the policy folder the gateway runs on
     * @param dataDir  the gateway's data folder: the policy history and the lock live there
     * @param running  the policy set the gateway decides with (for a quick NOT_FOUND before any work)
     * @param reload   makes the running gateway load the changed folder now
     */
    public FileSafeguardEvents(PolicyLoader loader, Path policies, Path dataDir, Supplier<PolicySet> running,
                               Runnable reload, AuditLog audit, Clock clock) {
        this.files = new PolicyFileReplacer(loader, policies, dataDir);
        this.running = running;
        this.reload = reload;
        this.audit = audit;
        this.clock = clock;
        this.lockFile = dataDir.resolve("policy-history").resolve(".lock");
    }

    @Override
    public SafeguardChange record(String agencyId, JsonNode event, String operator) {
        if (operator == null || operator.isBlank()) {
            throw new IllegalArgumentException("an operator is required");
        }
        if (agencyId == null || running.get().agency(agencyId).isEmpty()) {
            throw SafegateException.notFound("agency", String.valueOf(agencyId));
        }
        SafeguardEvent parsed = new SafeguardEventParser(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)).parse(event);
        synchronized (this) {
            try (FileChannel channel = openLock(); FileLock ignored = channel.lock()) {
                return apply(agencyId, parsed, operator);
            } catch (IOException e) {
                throw new SafegateException(ErrorCode.IO_FAILURE, "cannot record the safeguard event for " + agencyId
                        + ": " + e.getMessage(), e);
            }
        }
    }

    private SafeguardChange apply(String agencyId, SafeguardEvent event, String operator) throws IOException {
        PolicyLoadResult current = files.loadCurrent();
        if (!current.isValid()) {
            throw new SafegateException(ErrorCode.POLICY_FOLDER_INVALID, "the policy folder has errors now; "
                    + "fix them before recording events: " + current.errors().get(0));
        }
        PolicySet set = current.require();
        if (set.agency(agencyId).isEmpty()) {
            throw SafegateException.notFound("agency", agencyId);
        }
        Safeguards before = set.safeguardsOf(agencyId);
        Path file = before.source() != null
                ? files.policies().toAbsolutePath().normalize().relativize(before.source().file().toAbsolutePath().normalize())
                : newFile(agencyId);
        Path absolute = files.policies().resolve(file);
        String beforeText = Files.exists(absolute) ? Files.readString(absolute, StandardCharsets.UTF_8) : "";
        String afterText = SafeguardYaml.write(event.apply(before), beforeText);
        PolicyLoadResult check = files.loadWith(file, afterText);
        if (!check.isValid()) {
            PolicyProblem first = check.errors().get(0);
            throw SafegateException.invalid(eventField(first, file), "the event would make the policy set invalid, "
                    + "so nothing was changed: " + file + ": " + (first.field().isEmpty() ? "" : first.field() + ": ")
                    + first.message());
        }
        FileChange change = new FileChange(file.toString(), beforeText, afterText);
        if (!beforeText.isEmpty()) {
            files.keep(file, beforeText);
        }
        files.keep(file, afterText);
        String what = agencyId + ": " + event.type() + " " + event.subject();
        audit.append(AuditEntry.builder(AuditEventType.SAFEGUARD_EVENT, operator).origin("safeguard event")
                .object(file.toString()).payloadDigest("sha256:" + FileChange.sha256(afterText))
                .change(change.describe(what)).build());
        try {
            files.replace(file, afterText);
        } catch (IOException e) {
            audit.append(AuditEntry.builder(AuditEventType.SAFEGUARD_EVENT, operator).origin("safeguard event")
                    .object(file.toString()).outcome(Outcome.FAILURE)
                    .change(what + ": the file could not be replaced and is unchanged: " + e.getMessage()).build());
            throw e;
        }
        reload.run();
        return new SafeguardChange(agencyId, event.type(), file.toString(), beforeText, afterText);
    }

    /** Where the safeguard file of an agency that has none goes: {@code safeguards/<id in lower case>.yaml}. */
    private static Path newFile(String agencyId) {
        String name = agencyId.toLowerCase(Locale.ROOT);
        if (!name.matches("[a-z0-9][a-z0-9._-]{0,99}")) {
            throw new SafegateException(ErrorCode.CONFLICT, "agency id '"
                    + org.safegate.transfer.FileNames.printable(agencyId)
                    + "' cannot name a file; create its safeguard file by hand first");
        }
        return Path.of("safeguards", name + ".yaml");
    }

    /** The event field a loader problem in the changed file is about ({@code findings[1].closed} is {@code closed}). */
    private static String eventField(PolicyProblem problem, Path file) {
        if (!problem.file().endsWith(file) || problem.field().isEmpty()) {
            return "event";
        }
        String field = problem.field();
        String last = field.substring(field.lastIndexOf('.') + 1);
        return last.replaceAll("\\[\\d+]$", "");
    }

    private FileChannel openLock() throws IOException {
        FileModes.createDirectories(lockFile.getParent());
        return FileChannel.open(lockFile, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                FileModes.ownerOnly());
    }
}
