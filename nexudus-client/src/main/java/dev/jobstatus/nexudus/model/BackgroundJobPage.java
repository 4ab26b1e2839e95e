package dev.jobstatus.nexudus.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.List;
import java.util.Objects;

/**
 * One page of the background-job listing with Nexudus's paging envelope. Numbers the server left out are
 * {@code null}; {@code records} is never {@code null}. The client reads a page only from a body that carries its
 * {@code Records} array (so named, with a capital R): one without it is a
 * {@link dev.jobstatus.core.exception.MalformedResponseException}, not an empty page.
 *
 * @param records the jobs on this page, as summaries (the listing leaves out {@code ResultData})
 * @param currentPage the page number, from 1
 * @param currentPageSize the page size
 * @param currentOrderField the field the listing is sorted by
 * @param currentSortDirection the sort direction: 1 ascending, -1 descending
 * @param firstItem the position of the first record of this page in the whole listing
 * @param lastItem the position of the last record of this page
 * @param totalItems how many records match in all
 * @param totalPages how many pages there are
 * @param hasNextPage whether a further page exists
 * @param hasPreviousPage whether an earlier page exists
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BackgroundJobPage(
        @JsonProperty("Records") List<BusinessBackgroundJobSummary> records,
        @JsonProperty("CurrentPage") Integer currentPage,
        @JsonProperty("CurrentPageSize") Integer currentPageSize,
        @JsonProperty("CurrentOrderField") String currentOrderField,
        @JsonProperty("CurrentSortDirection") Integer currentSortDirection,
        @JsonProperty("FirstItem") Long firstItem,
        @JsonProperty("LastItem") Long lastItem,
        @JsonProperty("TotalItems") Long totalItems,
        @JsonProperty("TotalPages") Long totalPages,
        @JsonProperty("HasNextPage") Boolean hasNextPage,
        @JsonProperty("HasPreviousPage") Boolean hasPreviousPage) {

    /**
     * Copies the records, dropping {@code null} entries; a missing list becomes empty.
     *
     * @param records the jobs on this page, as summaries (the listing leaves out {@code ResultData})
     * @param currentPage the page number, from 1
     * @param currentPageSize the page size
     * @param currentOrderField the field the listing is sorted by
     * @param currentSortDirection the sort direction: 1 ascending, -1 descending
     * @param firstItem the position of the first record of this page in the whole listing
     * @param lastItem the position of the last record of this page
     * @param totalItems how many records match in all
     * @param totalPages how many pages there are
     * @param hasNextPage whether a further page exists
     * @param hasPreviousPage whether an earlier page exists
     */
    public BackgroundJobPage {
        records = records == null ? List.of() : withoutNulls(records);
    }

    /**
     * Reads a page, only from a body with its {@code Records} array. Some answers carry {@code PageNumber} and {@code PageSize} beside, or instead of, the current ones:
     * as separate arguments rather than aliases, since Jackson builds a record as soon as it has every argument, and
     * an alias met after that, in an answer whose other fields came first, failed the whole page.
     */
    @JsonCreator
    static BackgroundJobPage fromJson(
            // Required, and kept null when sent null or as empty text (not made empty, as by the constructor), so that
            // a body without the array is refused rather than read as an empty page that hides the records.
            @JsonProperty(value = "Records", required = true) @JsonSetter(nulls = Nulls.SET)
                    List<BusinessBackgroundJobSummary> records,
            @JsonProperty("CurrentPage") Integer currentPage,
            @JsonProperty("PageNumber") Integer pageNumber,
            @JsonProperty("CurrentPageSize") Integer currentPageSize,
            @JsonProperty("PageSize") Integer pageSize,
            @JsonProperty("CurrentOrderField") String currentOrderField,
            @JsonProperty("CurrentSortDirection") Integer currentSortDirection,
            @JsonProperty("FirstItem") Long firstItem,
            @JsonProperty("LastItem") Long lastItem,
            @JsonProperty("TotalItems") Long totalItems,
            @JsonProperty("TotalPages") Long totalPages,
            @JsonProperty("HasNextPage") Boolean hasNextPage,
            @JsonProperty("HasPreviousPage") Boolean hasPreviousPage) {
        if (records == null) {
            throw new IllegalArgumentException("no \"Records\" array (it is null or empty text)");
        }
        return new BackgroundJobPage(
                records,
                currentPage != null ? currentPage : pageNumber,
                currentPageSize != null ? currentPageSize : pageSize,
                currentOrderField,
                currentSortDirection,
                firstItem,
                lastItem,
                totalItems,
                totalPages,
                hasNextPage,
                hasPreviousPage);
    }

    private static <T> List<T> withoutNulls(List<T> list) {
        for (T item : list) {
            if (item == null) {
                return list.stream().filter(Objects::nonNull).toList();
            }
        }
        return List.copyOf(list);
    }
}
