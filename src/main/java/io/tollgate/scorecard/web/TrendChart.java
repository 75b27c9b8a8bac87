package io.tollgate.scorecard.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A score line (0 to 100) over the last days, laid out for an inline SVG drawn by the template: the page needs no
 * script and no style attribute, only SVG geometry.
 *
 * @param points the polyline's points, "x,y x,y …"
 * @param dots   one marker per day with a score, with its value for the tooltip and the table
 */
public record TrendChart(int width, int height, String points, List<Dot> dots, List<Tick> yTicks, List<Tick> xTicks,
                         String summary) {

    /** A day's score, placed. */
    public record Dot(double x, double y, LocalDate day, double score) {
    }

    /** An axis label at a position. */
    public record Tick(double position, String label) {
    }

    private static final int WIDTH = 640;
    private static final int HEIGHT = 200;
    private static final int LEFT = 36;
    private static final int RIGHT = 12;
    private static final int TOP = 10;
    private static final int BOTTOM = 24;

    /** The chart of one score per day between {@code from} and {@code to}, both included. */
    public static TrendChart of(Map<LocalDate, Double> byDay, LocalDate from, LocalDate to) {
        double days = Math.max(1, ChronoUnit.DAYS.between(from, to));
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        List<Dot> dots = new ArrayList<>();
        byDay.entrySet().stream().sorted(Map.Entry.comparingByKey()).filter(e -> !e.getKey().isBefore(from) && !e.getKey().isAfter(to))
                .forEach(e -> dots.add(new Dot(round(LEFT + ChronoUnit.DAYS.between(from, e.getKey()) / days * plotWidth),
                        round(TOP + (100 - e.getValue()) / 100 * plotHeight), e.getKey(), e.getValue())));
        String points = dots.stream().map(d -> format(d.x()) + "," + format(d.y())).collect(Collectors.joining(" "));
        List<Tick> yTicks = List.of(0, 50, 100).stream()
                .map(v -> new Tick(round(TOP + (100 - v) / 100.0 * plotHeight), String.valueOf(v))).toList();
        LocalDate middle = from.plusDays((long) (days / 2));
        List<Tick> xTicks = List.of(from, middle, to).stream()
                .map(d -> new Tick(round(LEFT + ChronoUnit.DAYS.between(from, d) / days * plotWidth), d.toString())).toList();
        String summary = dots.isEmpty() ? "No score recorded from " + from + " to " + to + "."
                : "From " + format(dots.get(0).score()) + " on " + dots.get(0).day() + " to "
                + format(dots.get(dots.size() - 1).score()) + " on " + dots.get(dots.size() - 1).day() + ".";
        return new TrendChart(WIDTH, HEIGHT, points, dots, yTicks, xTicks, summary);
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return WIDTH - RIGHT;
    }

    public int bottom() {
        return HEIGHT - BOTTOM;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
