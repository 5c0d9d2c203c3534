package org.gatehouse.screening.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import org.gatehouse.screening.ListVersion;
import org.gatehouse.screening.RegisterMatch;
import org.gatehouse.screening.RegisteredCompany;
import org.gatehouse.screening.ScreeningHit;
import org.gatehouse.screening.ScreeningList;
import org.gatehouse.screening.server.ScreeningService;
import org.gatehouse.trade.CompanyName;

/** How the screening and register API shows its records. */
final class ScreeningViews {

    private ScreeningViews() {}

    record FileView(String name, String sha256, long bytes) {
        static FileView of(ScreeningList.SourceFile f) {
            return new FileView(f.name(), f.sha256(), f.bytes());
        }
    }

    record RescreenView(Instant at, int rescreened, int newHits) {
        static RescreenView of(ListVersion.Rescreen r) {
            return r == null ? null : new RescreenView(r.at(), r.rescreened(), r.newHits());
        }
    }

    record VersionView(
            long id,
            String source,
            String sha256,
            int entries,
            String label,
            Instant importedAt,
            String importedBy,
            List<FileView> files,
            RescreenView rescreen) {
        static VersionView of(ListVersion v) {
            return new VersionView(
                    v.id(),
                    v.source(),
                    v.sha256(),
                    v.entryCount(),
                    v.label(),
                    v.importedAt(),
                    v.importedBy(),
                    v.files().stream().map(FileView::of).toList(),
                    RescreenView.of(v.rescreen()));
        }
    }

    record ImportedListView(VersionView version, boolean unchanged) {}

    record ImportView(List<ImportedListView> lists, RescreenView rescreen) {
        static ImportView of(ScreeningService.Imported imported) {
            return new ImportView(
                    imported.lists().stream()
                            .map(l -> new ImportedListView(VersionView.of(l.version()), l.unchanged()))
                            .toList(),
                    RescreenView.of(imported.rescreen()));
        }
    }

    record HitView(
            long id,
            String subjectKind,
            String subject,
            String partyRole,
            String partyName,
            String partyCountry,
            String kind,
            String list,
            long listVersion,
            String entryId,
            String matchedName,
            BigDecimal score,
            String explanation,
            String path,
            Instant foundAt,
            String foundBy,
            String disposition,
            String reason,
            String dispositionedBy,
            Instant dispositionedAt) {
        static HitView of(ScreeningHit h) {
            return new HitView(
                    h.id(),
                    h.kindOfSubject().name(),
                    h.subject().toString(),
                    h.partyRole(),
                    h.partyName(),
                    h.partyCountry() == null ? null : h.partyCountry().value(),
                    h.kind().name(),
                    h.listSource(),
                    h.listVersionId(),
                    h.entryId(),
                    h.matchedName(),
                    BigDecimal.valueOf(h.score()).setScale(3, RoundingMode.HALF_EVEN),
                    h.explanation(),
                    h.path(),
                    h.foundAt(),
                    h.foundBy().name(),
                    h.disposition() == null ? null : h.disposition().name(),
                    h.reason(),
                    h.dispositionedBy(),
                    h.dispositionedAt());
        }
    }

    record IdentifierView(String scheme, String value) {}

    record OwnerView(String company, String name, BigDecimal percent) {}

    record CompanyView(
            String id,
            String name,
            String key,
            String country,
            List<String> aliases,
            List<IdentifierView> identifiers,
            List<OwnerView> owners,
            long version,
            Instant createdAt,
            String createdBy,
            Instant updatedAt,
            String updatedBy) {
        static CompanyView of(RegisteredCompany c) {
            return new CompanyView(
                    c.id().toString(),
                    c.name().display(),
                    c.name().key(),
                    c.country() == null ? null : c.country().value(),
                    c.aliases().stream().map(CompanyName::display).toList(),
                    c.identifiers().stream()
                            .map(i -> new IdentifierView(i.scheme(), i.value()))
                            .toList(),
                    c.owners().stream()
                            .map(o -> new OwnerView(
                                    o.company().toString(),
                                    o.name() == null ? null : o.name().display(),
                                    o.percent()))
                            .toList(),
                    c.version(),
                    c.createdAt(),
                    c.createdBy(),
                    c.updatedAt(),
                    c.updatedBy());
        }
    }

    record MatchView(
            long id,
            String application,
            String name,
            String key,
            List<String> roles,
            String company,
            String companyName,
            BigDecimal score,
            String explanation,
            String state,
            String flag,
            Instant foundAt,
            String reason,
            String decidedBy,
            Instant decidedAt) {
        static MatchView of(RegisterMatch m) {
            return new MatchView(
                    m.id(),
                    m.applicationId().toString(),
                    m.name(),
                    m.key(),
                    m.roles(),
                    m.company().toString(),
                    m.companyName(),
                    BigDecimal.valueOf(m.score()).setScale(3, RoundingMode.HALF_EVEN),
                    m.explanation(),
                    m.state().name(),
                    m.flag(),
                    m.foundAt(),
                    m.reason(),
                    m.decidedBy(),
                    m.decidedAt());
        }
    }
}
