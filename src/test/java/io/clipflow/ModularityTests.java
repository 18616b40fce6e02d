package io.clipflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each top-level package is a module: its public types are its face, the rest is package-private, and its
 * {@code package-info.java} names the modules it may use. A dependency no module declares, a cycle, or a reach into
 * another module's internals fails here (as the byte code shows them: a compile-time constant such as a process
 * name is copied into the class that uses it, so using one alone leaves no trace). The module documentation in
 * {@code docs/modules} is written from the same model on every run, so a change of structure shows up there as a
 * change to commit.
 */
class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(ClipflowApplication.class);
    static final Path DOCS = Path.of("docs", "modules");

    @Test
    void verifiesModules() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeDocumentation();
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path diagram : files.filter(file -> file.toString().endsWith(".puml")).toList()) {
                sortStatements(diagram);
            }
        }
        Files.writeString(DOCS.resolve("README.md"), overview());
    }

    /**
     * Spring Modulith writes a diagram's components and relations in no fixed order; sorted, an unchanged structure
     * writes unchanged files.
     */
    private static void sortStatements(Path diagram) throws IOException {
        List<String> lines = Files.readAllLines(diagram);
        List<String> sorted = new ArrayList<>();
        for (int start = 0, end; start < lines.size(); start = end) {
            String kind = statementKind(lines.get(start));
            end = start + 1;
            while (kind != null && end < lines.size() && kind.equals(statementKind(lines.get(end)))) {
                end++;
            }
            List<String> run = new ArrayList<>(lines.subList(start, end));
            if (kind != null) {
                Collections.sort(run);
            }
            sorted.addAll(run);
        }
        Files.writeString(diagram, String.join("\n", sorted));
    }

    private static String statementKind(String line) {
        return Stream.of("Rel(", "  Component(").filter(line::startsWith).findFirst().orElse(null);
    }

    /** Which module uses which, and each module's public face: docs/modules/README.md. */
    private static String overview() {
        StringBuilder md = new StringBuilder("""
                # Modules

                Written by `ModularityTests` from the code on every test run; do not edit. Each top-level package of
                `io.clipflow` is a module. Its public types are all that other modules may use; the rest is
                package-private. `may use` is what its `package-info.java` declares; the test fails on any other
                dependency, on a cycle, and on access to another module's internals. `components.puml` and the
                `module-*.puml` diagrams (PlantUML) and `module-*.adoc` canvases beside this file are Spring
                Modulith's documentation of the same model.

                ```mermaid
                graph TD
                """);
        sorted(modules.stream()).forEach(module -> sorted(uses(module)).forEach(
                used -> md.append("  ").append(module.getName()).append(" --> ").append(used.getName()).append('\n')));
        md.append("```\n\n| module | may use | public face |\n| --- | --- | --- |\n");
        sorted(modules.stream()).forEach(module -> md.append("| `").append(module.getName()).append("` | ")
                .append(names(module.getAllowedDependencies(modules).stream().map(d -> d.getTargetModule())))
                .append(" | ").append(publicFace(module)).append(" |\n"));
        return md.toString();
    }

    private static Stream<ApplicationModule> uses(ApplicationModule module) {
        return module.getDirectDependencies(modules).uniqueModules();
    }

    private static Stream<ApplicationModule> sorted(Stream<ApplicationModule> modules) {
        return modules.distinct().sorted((a, b) -> a.getName().compareTo(b.getName()));
    }

    private static String names(Stream<ApplicationModule> modules) {
        String names = sorted(modules).map(m -> "`" + m.getName() + "`").collect(Collectors.joining(", "));
        return names.isEmpty() ? "none" : names;
    }

    private static String publicFace(ApplicationModule module) {
        String types = module.getNamedInterfaces().getUnnamedInterface().asJavaClasses()
                .filter(type -> !type.getSimpleName().equals("package-info") && type.getEnclosingClass().isEmpty())
                .map(JavaClass::getSimpleName).sorted().map(name -> "`" + name + "`")
                .collect(Collectors.joining(", "));
        return types.isEmpty() ? "none (it plugs in through platform's extension points and the engine)" : types;
    }
}
