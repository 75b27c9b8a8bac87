package io.tollgate.aws.collector;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.StringFilter;
import software.amazon.awssdk.services.securityhub.model.StringFilterComparison;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The account's active Security Hub findings of every region, written back as ASFF JSON
 * ({@code {"Findings": [...]}}, the shape {@code aws securityhub get-findings} prints) so that they go through the
 * same ASFF parser as an uploaded export.
 */
@ApplicationScoped
public class SecurityHubFindings {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Throws the SDK's exception when a region's findings cannot be read. */
    public byte[] activeFindings(AccountSession session, List<Region> regions) {
        StringFilter active = StringFilter.builder().value("ACTIVE").comparison(StringFilterComparison.EQUALS).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("Findings");
            for (Region region : regions) {
                for (AwsSecurityFinding finding : session.securityHub(region)
                        .getFindingsPaginator(request -> request.filters(filters -> filters.recordState(active))).findings()) {
                    write(json, finding);
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes an SDK model object with its wire names, which for Security Hub are the ASFF field names. */
    private static void write(JsonGenerator json, Object value) throws IOException {
        if (value instanceof SdkPojo pojo) {
            json.writeStartObject();
            for (SdkField<?> field : pojo.sdkFields()) {
                Object fieldValue = field.getValueOrDefault(pojo);
                if (fieldValue != null && !isUnset(fieldValue)) {
                    json.writeFieldName(field.locationName());
                    write(json, fieldValue);
                }
            }
            json.writeEndObject();
        } else if (value instanceof Collection<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                write(json, item);
            }
            json.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                write(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof Number || value instanceof Boolean) {
            json.writeObject(value);
        } else if (value instanceof SdkBytes bytes) {
            json.writeBinary(bytes.asByteArray());
        } else {
            json.writeString(value.toString());
        }
    }

    /** Lists and maps the service did not send are the SDK's "auto construct" placeholders: leave them out. */
    private static boolean isUnset(Object value) {
        return value instanceof software.amazon.awssdk.core.util.SdkAutoConstructList<?>
                || value instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap<?, ?>;
    }
}
