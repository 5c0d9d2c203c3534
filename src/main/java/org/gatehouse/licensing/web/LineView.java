package org.gatehouse.licensing.web;

import java.util.List;
import org.gatehouse.licensing.ItemLine;

/** A line of a licence or an exemption as the API shows it: the item, what was granted, shipped and remains. */
record LineView(
        int line, String item, boolean controlled, long tppPerUnit, long quantity, long shipped, long remaining) {

    static LineView of(ItemLine line) {
        return new LineView(
                line.number(),
                line.item(),
                line.controlled(),
                line.tppPerUnit(),
                line.quantity(),
                line.shipped(),
                line.remaining());
    }

    static List<LineView> of(List<ItemLine> lines) {
        return lines.stream().map(LineView::of).toList();
    }
}
