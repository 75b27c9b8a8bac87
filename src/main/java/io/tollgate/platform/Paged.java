package io.tollgate.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a list with what a client needs to fetch the others. */
public record Paged<T>(List<T> items, int page, int size, long total) {

    public static <T> Paged<T> of(List<T> items, PageRequest request, long total) {
        return new Paged<>(items, request.index(), request.size(), total);
    }

    /** The requested page of a list held in memory. */
    public static <T> Paged<T> slice(List<T> all, PageRequest request) {
        int from = (int) Math.min(all.size(), (long) request.index() * request.size());
        return of(all.subList(from, Math.min(all.size(), from + request.size())), request, all.size());
    }

    public <R> Paged<R> map(Function<T, R> mapper) {
        return new Paged<>(items.stream().map(mapper).toList(), page, size, total);
    }

    public int pageCount() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public int displayPage() {
        return page + 1;
    }

    public int previousPage() {
        return page - 1;
    }

    public int nextPage() {
        return page + 1;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
