package org.gatehouse.screening;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** List files for the tests that import lists over the API or the command line. */
public final class TestListFiles {

    private TestListFiles() {}

    /** A Consolidated Screening List file (current 29-column format) with one Entity List row per name. */
    public static byte[] csl(List<String> names) {
        StringBuilder text = new StringBuilder(
                "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,"
                        + "end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,"
                        + "gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,"
                        + "alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,"
                        + "ids\n");
        for (String name : names) {
            text.append('"')
                    .append(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8))
                            .toString()
                            .replace("-", ""))
                    .append("\",\"Entity List (EL) - Bureau of Industry and Security\",\"\",\"Entity\",\"\",\"")
                    .append(name)
                    .append("\",\"\",\"1 Test Street, Moscow, RU\"")
                    .append(",\"\"".repeat(21))
                    .append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
