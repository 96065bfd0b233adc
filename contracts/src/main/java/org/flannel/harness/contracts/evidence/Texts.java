package org.flannel.harness.contracts.evidence;

import java.util.List;

/** Lists of texts as the evidence keeps them: a missing list is empty, a missing cell (a blank table cell) is "". */
final class Texts {
    private Texts() {}

    static List<String> of(List<String> texts) {
        return texts == null
                ? List.of()
                : texts.stream().map(text -> text == null ? "" : text).toList();
    }

    static List<List<String>> rows(List<List<String>> rows) {
        return rows == null ? List.of() : rows.stream().map(Texts::of).toList();
    }
}
