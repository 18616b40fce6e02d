package io.clipflow.words;

import java.util.ArrayList;
import java.util.List;

/** The fields of one CSV line (RFC 4180 without line breaks inside a field). */
final class CsvLine {

    private CsvLine() {
    }

    /** The fields, unquoted; null when a quote is not closed or is followed by anything but a comma. */
    static String[] fields(CharSequence line) {
        List<String> fields = new ArrayList<>(2);
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            field.setLength(0);
            if (i < line.length() && line.charAt(i) == '"') {
                for (i++; ; i++) {
                    if (i == line.length()) {
                        return null;
                    }
                    char c = line.charAt(i);
                    if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    }
                    else if (c == '"') {
                        i++;
                        break;
                    }
                    else {
                        field.append(c);
                    }
                }
                if (i < line.length() && line.charAt(i) != ',') {
                    return null;
                }
            }
            else {
                while (i < line.length() && line.charAt(i) != ',') {
                    field.append(line.charAt(i++));
                }
            }
            fields.add(field.toString());
            if (i == line.length()) {
                return fields.toArray(new String[0]);
            }
            i++; // the comma
        }
    }
}
