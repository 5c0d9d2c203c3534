package org.gatehouse.screening.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.policy.Json;
import org.gatehouse.screening.HitsJson;
import org.gatehouse.screening.ListFile;
import org.gatehouse.screening.ListVersion;
import org.gatehouse.screening.server.ScreeningService;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.InputCheck;
import org.gatehouse.trade.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * {@code /api/v1/screening}: screening a name, the list versions and their import, the hits found on applications and
 * their dispositions ({@code /api/v1/cases/{id}/screening-hits}). Authorization is the service's.
 */
@RestController
class ScreeningController {

    private final ScreeningService screening;

    ScreeningController(ScreeningService screening) {
        this.screening = screening;
    }

    /** The hits of a name against the active lists, as {@code gatehouse screen --format json} writes them. */
    @GetMapping(path = "/api/v1/screening", produces = MediaType.APPLICATION_JSON_VALUE)
    String screen(
            CurrentUser caller,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String threshold) {
        InputCheck check = new InputCheck();
        CountryCode party = check.field("country", () -> country == null ? null : CountryCode.of(country));
        Double least = check.field("threshold", () -> {
            if (threshold == null) {
                return null;
            }
            try {
                return Double.valueOf(threshold);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a number in (0, 1], got '" + abbreviated(threshold) + "'");
            }
        });
        check.throwIfInvalid();
        ScreeningService.Screened screened = screening.screen(caller, name, party, least);
        StringBuilder text = new StringBuilder(1024);
        text.append("{\"name\":");
        Json.string(name, text);
        text.append(",\"country\":");
        Json.string(party == null ? null : party.value(), text);
        text.append(",\"threshold\":").append(screened.threshold()).append(",\"lists\":[");
        for (int i = 0; i < screened.lists().size(); i++) {
            ListVersion l = screened.lists().get(i);
            text.append(i == 0 ? "" : ",").append("{\"source\":");
            Json.string(l.source(), text);
            text.append(",\"version\":").append(l.id()).append(",\"sha256\":");
            Json.string(l.sha256(), text);
            text.append(",\"entries\":").append(l.entryCount()).append('}');
        }
        text.append("],");
        HitsJson.hits(screened.hits(), text);
        return text.append('}').toString();
    }

    @GetMapping("/api/v1/screening/lists")
    List<ScreeningViews.VersionView> versions(CurrentUser caller, @RequestParam(required = false) Boolean active) {
        List<ListVersion> versions =
                Boolean.TRUE.equals(active) ? screening.activeVersions(caller) : screening.versions(caller);
        return versions.stream().map(ScreeningViews.VersionView::of).toList();
    }

    /**
     * Imports list files sent as {@code multipart/form-data} (any part names; each file part's file name is used to
     * recognize the OFAC files): 201 when a new version was stored, 200 when every list was unchanged.
     */
    @PostMapping(path = "/api/v1/screening/lists", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ScreeningViews.ImportView> importLists(
            CurrentUser caller, @RequestParam(required = false) String source, MultipartHttpServletRequest request) {
        List<ListFile> files = new ArrayList<>();
        for (List<MultipartFile> parts : request.getMultiFileMap().values()) {
            for (MultipartFile part : parts) {
                files.add(file(part));
            }
        }
        ScreeningService.Imported imported = screening.importLists(caller, files, source);
        boolean added = imported.lists().stream().anyMatch(l -> !l.unchanged());
        return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK)
                .body(ScreeningViews.ImportView.of(imported));
    }

    @GetMapping("/api/v1/screening/hits")
    List<ScreeningViews.HitView> pending(
            CurrentUser caller,
            @RequestParam(required = false) Long after,
            @RequestParam(required = false) Integer limit) {
        return screening.pending(caller, after == null ? 0 : after, limit == null ? 100 : limit).stream()
                .map(ScreeningViews.HitView::of)
                .toList();
    }

    @GetMapping("/api/v1/screening/hits/{id}")
    ScreeningViews.HitView hit(CurrentUser caller, @PathVariable String id) {
        return ScreeningViews.HitView.of(screening.hit(caller, hitId(id)));
    }

    @GetMapping("/api/v1/cases/{id}/screening-hits")
    List<ScreeningViews.HitView> hitsOf(CurrentUser caller, @PathVariable String id) {
        return screening.hitsOf(caller, applicationId(id)).stream()
                .map(ScreeningViews.HitView::of)
                .toList();
    }

    @PostMapping("/api/v1/cases/{id}/screening-hits/{hit}/disposition")
    ScreeningViews.HitView disposition(
            CurrentUser caller,
            @PathVariable String id,
            @PathVariable String hit,
            @RequestBody ScreeningForms.Disposition body) {
        ApplicationId application = applicationId(id);
        long hitId = hitId(hit);
        ScreeningBinder.Disposed bound = ScreeningBinder.disposition(body);
        return ScreeningViews.HitView.of(
                screening.disposition(caller, application, hitId, bound.disposition(), bound.reason()));
    }

    /** The hits of a pre-approval's requester (the company and its ultimate parent), officers and auditors. */
    @GetMapping("/api/v1/preapprovals/{id}/screening-hits")
    List<ScreeningViews.HitView> preApprovalHits(CurrentUser caller, @PathVariable String id) {
        return screening.hitsOfPreApproval(caller, uuid(id)).stream()
                .map(ScreeningViews.HitView::of)
                .toList();
    }

    @PostMapping("/api/v1/preapprovals/{id}/screening-hits/{hit}/disposition")
    ScreeningViews.HitView preApprovalDisposition(
            CurrentUser caller,
            @PathVariable String id,
            @PathVariable String hit,
            @RequestBody ScreeningForms.Disposition body) {
        java.util.UUID preApproval = uuid(id);
        long hitId = hitId(hit);
        ScreeningBinder.Disposed bound = ScreeningBinder.disposition(body);
        return ScreeningViews.HitView.of(
                screening.dispositionOfPreApproval(caller, preApproval, hitId, bound.disposition(), bound.reason()));
    }

    private static java.util.UUID uuid(String id) {
        try {
            return java.util.UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw org.gatehouse.trade.InvalidInputException.of("id", "must be a pre-approval's id (a UUID)");
        }
    }

    private static ListFile file(MultipartFile part) {
        String name =
                part.getOriginalFilename() == null || part.getOriginalFilename().isBlank()
                        ? part.getName()
                        : part.getOriginalFilename();
        name = name.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        if (name.isBlank() || name.length() > 200) {
            throw InvalidInputException.of("files", "each file needs a name of 1..200 characters");
        }
        if (part.getSize() > ListFile.BYTES_MAX) {
            throw InvalidInputException.of("files", name + ": larger than " + ListFile.BYTES_MAX + " bytes");
        }
        try (InputStream in = part.getInputStream()) {
            return new ListFile(name, in.readNBytes(ListFile.BYTES_MAX + 1));
        } catch (IOException e) {
            throw InvalidInputException.of("files", name + ": cannot be read: " + e.getMessage());
        } catch (RuntimeException e) {
            throw InvalidInputException.of("files", e.getMessage());
        }
    }

    private static ApplicationId applicationId(String id) {
        try {
            return ApplicationId.parse(id);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("id", e.getMessage());
        }
    }

    private static long hitId(String id) {
        try {
            long value = Long.parseLong(id);
            if (value < 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("hit", "must be a hit's number, got '" + abbreviated(id) + "'");
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }
}
