package org.gatehouse.licensing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gatehouse.applications.LineItem;
import org.gatehouse.policy.Deal;

/**
 * The lines of a licence or an exemption, and the one rule of drawing shipments down from them: a reported line names
 * an item; it takes from the lines of that item in line order, never more than they have left, so the shipped
 * quantity of a line never exceeds its quantity. Immutable: drawing answers new lines.
 */
public record ItemLines(List<ItemLine> lines) {

    /** As many lines as an application may have (SPEC §2.3). */
    public static final int LINES_MAX = Deal.LINES_MAX;

    public ItemLines {
        lines = List.copyOf(lines);
        if (lines.isEmpty() || lines.size() > LINES_MAX) {
            throw new IllegalArgumentException("a record holds 1.." + LINES_MAX + " lines, got " + lines.size());
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).number() != i + 1) {
                throw new IllegalArgumentException("lines are numbered 1.." + lines.size() + " in order");
            }
        }
    }

    /** The lines of an application, nothing shipped. */
    public static ItemLines of(List<LineItem> applicationLines) {
        List<ItemLine> lines = new ArrayList<>(applicationLines.size());
        for (int i = 0; i < applicationLines.size(); i++) {
            lines.add(ItemLine.of(i + 1, applicationLines.get(i)));
        }
        return new ItemLines(lines);
    }

    /** Line {@code number} (from 1). */
    public ItemLine line(int number) {
        if (number < 1 || number > lines.size()) {
            throw new IllegalArgumentException("there is no line " + number + "; lines are 1.." + lines.size());
        }
        return lines.get(number - 1);
    }

    /** The ledger compute of every line. */
    public long tpp() {
        long sum = 0;
        for (ItemLine line : lines) {
            sum = Math.addExact(sum, line.tpp());
        }
        return sum;
    }

    /** The ledger compute shipped so far. */
    public long shippedTpp() {
        long sum = 0;
        for (ItemLine line : lines) {
            sum = Math.addExact(sum, line.shippedTpp());
        }
        return sum;
    }

    /** Whether every line is fully shipped. */
    public boolean fullyShipped() {
        for (ItemLine line : lines) {
            if (line.remaining() > 0) {
                return false;
            }
        }
        return true;
    }

    /** The item names, each once, in line order (to tell a client what it may report). */
    public Set<String> items() {
        Set<String> items = new LinkedHashSet<>();
        for (ItemLine line : lines) {
            items.add(line.item());
        }
        return items;
    }

    /**
     * Draws {@code report} down from these lines without changing them: every reported item must be on a line
     * ({@link Refusal.Kind#INPUT} otherwise) and every reported quantity must fit in what its item has left after the
     * report's earlier lines ({@link Refusal.Kind#QUANTITY} otherwise). Every problem is named.
     *
     * @param record how the record is named in a refusal ("licence GH-2026-000123")
     */
    public Drawn draw(List<? extends Reported> report, String record) {
        long[] left = new long[lines.size()];
        for (int i = 0; i < left.length; i++) {
            left[i] = lines.get(i).remaining();
        }
        List<Refusal> refusals = new ArrayList<>();
        List<Drawdown> drawdowns = new ArrayList<>(report.size());
        for (int r = 0; r < report.size(); r++) {
            Reported reported = report.get(r);
            long available = 0;
            boolean known = false;
            for (int i = 0; i < left.length; i++) {
                if (lines.get(i).isItem(reported.item())) {
                    known = true;
                    available += left[i];
                }
            }
            if (!known) {
                refusals.add(new Refusal(
                        Refusal.Kind.INPUT,
                        "lines[" + r + "].item",
                        reported.item() + " is not on " + record + "; its items are " + String.join(", ", items())));
                continue;
            }
            if (reported.quantity() > available) {
                refusals.add(new Refusal(
                        Refusal.Kind.QUANTITY,
                        "lines[" + r + "].quantity",
                        reported.quantity() + " " + reported.item() + " reported, but only " + available + " remain on "
                                + record));
                continue;
            }
            long wanted = reported.quantity();
            for (int i = 0; i < left.length && wanted > 0; i++) {
                ItemLine line = lines.get(i);
                if (line.isItem(reported.item()) && left[i] > 0) {
                    long taken = Math.min(wanted, left[i]);
                    left[i] -= taken;
                    wanted -= taken;
                    drawdowns.add(new Drawdown(r, line.number(), line.item(), taken, line.tppOf(taken)));
                }
            }
        }
        return refusals.isEmpty() ? new Drawn.Accepted(drawdowns) : new Drawn.Refused(refusals);
    }

    /** The lines after {@code drawdowns} (from {@link #draw}) were shipped. */
    public ItemLines after(List<Drawdown> drawdowns) {
        List<ItemLine> next = new ArrayList<>(lines);
        for (Drawdown drawdown : drawdowns) {
            int index = drawdown.line() - 1;
            next.set(index, next.get(index).ship(drawdown.quantity()));
        }
        return new ItemLines(next);
    }

    /** The lines with line {@code number}'s quantity changed. */
    ItemLines withQuantity(int number, long quantity) {
        List<ItemLine> next = new ArrayList<>(lines);
        next.set(number - 1, line(number).withQuantity(quantity));
        return new ItemLines(next);
    }
}
