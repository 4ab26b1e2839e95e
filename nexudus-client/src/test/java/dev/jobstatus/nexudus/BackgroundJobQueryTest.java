package dev.jobstatus.nexudus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackgroundJobQueryTest {
    @Test
    void pageAndSizeAreValidated() {
        assertThatThrownBy(() -> BackgroundJobQuery.builder().pageSize(0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BackgroundJobQuery.builder().pageSize(1001).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BackgroundJobQuery.builder().page(0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(BackgroundJobQuery.builder().pageSize(1000).page(1).build().pageSize())
                .isEqualTo(1000);
    }

    @Test
    void anEmptyQuerySendsNothingAndTimesAreCutToTheMinute() {
        assertThat(BackgroundJobQuery.all().toQueryParameters()).isEmpty();
        assertThat(BackgroundJobQuery.builder()
                        .createdFrom(LocalDateTime.of(2025, 3, 4, 5, 6, 59, 999))
                        .build()
                        .toQueryParameters())
                .containsExactly(Map.entry("from_BusinessBackgroundJob_CreatedOn", "2025-03-04T05:06"));
    }

    @Test
    void toBuilderKeepsEveryValue() {
        BackgroundJobQuery query = BackgroundJobQuery.builder()
                .page(3)
                .pageSize(10)
                .orderBy(BackgroundJobField.STATUS)
                .direction(SortDirection.DESCENDING)
                .business(1)
                .user(2)
                .status("Running")
                .extraParameter("a", "b")
                .build();

        assertThat(query.toBuilder().build()).isEqualTo(query);
        assertThat(query.withPage(4).toQueryParameters()).contains(Map.entry("page", "4"), Map.entry("a", "b"));
    }
}
