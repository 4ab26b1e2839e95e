/**
 * Auto-paging: {@link dev.jobstatus.core.paging.PagedIterable}, a lazy iterable over every item of a listing that
 * fetches the next page only when it is reached, over pages addressed by number or by cursor.
 */
@NullMarked
package dev.jobstatus.core.paging;

import org.jspecify.annotations.NullMarked;
