package dev.jobstatus.reliability;

import static org.assertj.core.api.Assertions.fail;

import dev.jobstatus.asana.AsanaClient;
import dev.jobstatus.core.polling.JobState;
import dev.jobstatus.micrometer.JobstatusObservations;
import dev.jobstatus.nexudus.NexudusClient;
import dev.jobstatus.opentelemetry.JobstatusTelemetry;
import dev.jobstatus.redis.RedisSharedState;
import dev.jobstatus.testkit.NexudusSimulator;
import dev.jobstatus.wix.WixClient;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.AnnotatedTypeVariable;
import java.lang.reflect.AnnotatedWildcardType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each published module's public surface (every public or protected class, constructor, method and field in its
 * exported packages, with JSpecify nullness) is checked in as {@code api/<module>.txt}, so a change to it is
 * deliberate and shows in review. {@code -Dapi.update=true} rewrites the files (see CONTRIBUTING.md).
 */
class ApiSignaturesTest {
    private static final String REGENERATE = "./mvnw -B -o test -pl reliability -am -Dtest=ApiSignaturesTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dapi.update=true";

    private static final List<Class<?>> ANCHORS = List.of(
            JobState.class,
            NexudusClient.class,
            WixClient.class,
            AsanaClient.class,
            NexudusSimulator.class,
            RedisSharedState.class,
            JobstatusTelemetry.class,
            JobstatusObservations.class);

    @TestFactory
    Stream<DynamicTest> eachPublishedModuleKeepsTheSignaturesCheckedInUnderApi() throws Exception {
        Path apiDir = Path.of(System.getProperty("api.dir", "../api"));
        boolean update = Boolean.getBoolean("api.update");
        List<DynamicTest> tests = new ArrayList<>();
        for (Class<?> anchor : ANCHORS) {
            Path location = Path.of(
                    anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            // target/classes or target/<artifact>.jar, in the module's own directory
            String module = location.getParent().getParent().getFileName().toString();
            String actual = String.join("\n", signatures(location)) + "\n";
            Path file = apiDir.resolve(module + ".txt");
            tests.add(DynamicTest.dynamicTest(module, () -> {
                if (update) {
                    Files.createDirectories(apiDir);
                    Files.writeString(file, actual, StandardCharsets.UTF_8);
                }
                String expected = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
                if (!actual.equals(expected)) {
                    fail(String.format(
                            "%s's public API differs from %s:%n%sIf the change is meant, regenerate with:%n  %s",
                            module, file.normalize(), diff(expected, actual), REGENERATE));
                }
            }));
        }
        return tests.stream();
    }

    /** Every visible type of the module's unqualified exports, one block per type, sorted. */
    private static List<String> signatures(Path location) throws IOException, ClassNotFoundException {
        ModuleReference module =
                ModuleFinder.of(location).findAll().stream().findFirst().orElseThrow();
        Set<String> packages = new TreeSet<>();
        module.descriptor().exports().stream().filter(e -> !e.isQualified()).forEach(e -> packages.add(e.source()));
        List<String> names;
        try (ModuleReader reader = module.open();
                Stream<String> entries = reader.list()) {
            names = entries.filter(e -> e.endsWith(".class")
                            && !e.endsWith("module-info.class")
                            && !e.endsWith("package-info.class"))
                    .map(e -> e.substring(0, e.length() - ".class".length()).replace('/', '.'))
                    .filter(c -> packages.contains(c.substring(0, c.lastIndexOf('.'))))
                    .collect(Collectors.toList());
        }
        TreeMap<String, List<String>> blocks = new TreeMap<>();
        for (String name : names) {
            Class<?> type = Class.forName(name, false, ApiSignaturesTest.class.getClassLoader());
            if (type.isSynthetic()
                    || type.isAnonymousClass()
                    || type.isLocalClass()
                    || !ApiSurfaceTest.isVisible(type)) {
                continue;
            }
            blocks.put(type.getName(), block(type));
        }
        List<String> lines = new ArrayList<>();
        blocks.values().forEach(block -> {
            if (!lines.isEmpty()) {
                lines.add("");
            }
            lines.addAll(block);
        });
        return lines;
    }

    private static List<String> block(Class<?> type) {
        TreeSet<String> members = new TreeSet<>();
        for (Field field : type.getDeclaredFields()) {
            if (!field.isSynthetic() && ApiSurfaceTest.isVisible(field.getModifiers())) {
                members.add(annotations(field) + modifiers(field.getModifiers()) + type(field.getAnnotatedType()) + " "
                        + field.getName());
            }
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (!constructor.isSynthetic() && ApiSurfaceTest.isVisible(constructor.getModifiers())) {
                members.add(annotations(constructor)
                        + modifiers(constructor.getModifiers())
                        + typeParameters(constructor.getTypeParameters())
                        + type.getSimpleName()
                        + executable(constructor));
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (!method.isSynthetic() && !method.isBridge() && ApiSurfaceTest.isVisible(method.getModifiers())) {
                // An interface's methods are abstract unless default or static: the keyword says nothing more.
                int modifiers = type.isInterface() ? method.getModifiers() & ~Modifier.ABSTRACT : method.getModifiers();
                members.add(annotations(method) + modifiers(modifiers) + (method.isDefault() ? "default " : "")
                        + typeParameters(method.getTypeParameters()) + type(method.getAnnotatedReturnType()) + " "
                        + method.getName() + executable(method));
            }
        }
        List<String> block = new ArrayList<>();
        block.add(header(type));
        members.forEach(member -> block.add("  " + member));
        return block;
    }

    private static String header(Class<?> type) {
        int modifiers = type.getModifiers() & ~Modifier.INTERFACE;
        String kind = type.isAnnotation()
                ? "@interface"
                : type.isInterface() ? "interface" : type.isEnum() ? "enum" : type.isRecord() ? "record" : "class";
        if (type.isInterface() || type.isEnum() || type.isRecord()) {
            modifiers &= ~(Modifier.ABSTRACT | Modifier.FINAL | Modifier.STATIC);
        }
        StringBuilder header = new StringBuilder(annotations(type)).append(modifiers(modifiers));
        if (type.isSealed()) {
            header.append("sealed ");
        }
        header.append(kind)
                .append(' ')
                .append(type.getName())
                .append(typeParameters(type.getTypeParameters()).stripTrailing());
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
            header.append(" extends ").append(type(type.getAnnotatedSuperclass()));
        }
        AnnotatedType[] interfaces = type.getAnnotatedInterfaces();
        if (interfaces.length > 0) {
            header.append(type.isInterface() ? " extends " : " implements ")
                    .append(Arrays.stream(interfaces)
                            .map(ApiSignaturesTest::type)
                            .collect(Collectors.joining(", ")));
        }
        if (type.isSealed()) {
            header.append(" permits ")
                    .append(Arrays.stream(type.getPermittedSubclasses())
                            .map(Class::getName)
                            .sorted()
                            .collect(Collectors.joining(", ")));
        }
        return header.toString();
    }

    private static String executable(Executable executable) {
        List<String> parameters = new ArrayList<>();
        AnnotatedType[] types = executable.getAnnotatedParameterTypes();
        for (int i = 0; i < types.length; i++) {
            String parameter = type(types[i]);
            if (executable.isVarArgs() && i == types.length - 1 && parameter.endsWith("[]")) {
                parameter = parameter.substring(0, parameter.length() - 2) + "...";
            }
            parameters.add(parameter);
        }
        String signature = "(" + String.join(", ", parameters) + ")";
        AnnotatedType[] thrown = executable.getAnnotatedExceptionTypes();
        if (thrown.length > 0) {
            signature += " throws "
                    + Arrays.stream(thrown)
                            .map(ApiSignaturesTest::type)
                            .sorted()
                            .collect(Collectors.joining(", "));
        }
        return signature;
    }

    private static String typeParameters(TypeVariable<?>[] variables) {
        if (variables.length == 0) {
            return "";
        }
        List<String> rendered = new ArrayList<>();
        for (TypeVariable<?> variable : variables) {
            List<String> bounds = Arrays.stream(variable.getAnnotatedBounds())
                    .filter(b -> b.getType() != Object.class)
                    .map(ApiSignaturesTest::type)
                    .collect(Collectors.toList());
            rendered.add(variable.getName() + (bounds.isEmpty() ? "" : " extends " + String.join(" & ", bounds)));
        }
        return "<" + String.join(", ", rendered) + "> ";
    }

    /** A type with its JSpecify annotations, written the same way on every JDK. */
    private static String type(AnnotatedType annotated) {
        String nullness = nullness(annotated.getAnnotations());
        if (annotated instanceof AnnotatedArrayType array) {
            return type(array.getAnnotatedGenericComponentType()) + (nullness.isEmpty() ? "" : " " + nullness.strip())
                    + "[]";
        }
        if (annotated instanceof AnnotatedParameterizedType parameterized) {
            Type raw = ((ParameterizedType) parameterized.getType()).getRawType();
            return nullness + name(raw) + "<"
                    + Arrays.stream(parameterized.getAnnotatedActualTypeArguments())
                            .map(ApiSignaturesTest::type)
                            .collect(Collectors.joining(", "))
                    + ">";
        }
        if (annotated instanceof AnnotatedWildcardType wildcard) {
            AnnotatedType[] lower = wildcard.getAnnotatedLowerBounds();
            AnnotatedType[] upper = wildcard.getAnnotatedUpperBounds();
            if (lower.length > 0) {
                return nullness + "? super " + type(lower[0]);
            }
            return nullness
                    + (upper.length == 0 || upper[0].getType() == Object.class ? "?" : "? extends " + type(upper[0]));
        }
        if (annotated instanceof AnnotatedTypeVariable) {
            return nullness + ((TypeVariable<?>) annotated.getType()).getName();
        }
        return nullness + name(annotated.getType());
    }

    private static String name(Type type) {
        if (type instanceof Class<?> c) {
            return c.isArray() ? name(c.getComponentType()) + "[]" : c.getName().replace('$', '.');
        }
        if (type instanceof ParameterizedType p) {
            return name(p.getRawType()) + "<"
                    + Arrays.stream(p.getActualTypeArguments())
                            .map(ApiSignaturesTest::name)
                            .collect(Collectors.joining(", "))
                    + ">";
        }
        if (type instanceof GenericArrayType array) {
            return name(array.getGenericComponentType()) + "[]";
        }
        if (type instanceof WildcardType wildcard) {
            return wildcard.getLowerBounds().length > 0
                    ? "? super " + name(wildcard.getLowerBounds()[0])
                    : wildcard.getUpperBounds()[0] == Object.class
                            ? "?"
                            : "? extends " + name(wildcard.getUpperBounds()[0]);
        }
        return type.getTypeName();
    }

    private static String nullness(Annotation[] annotations) {
        StringBuilder out = new StringBuilder();
        for (Annotation annotation : annotations) {
            String name = annotation.annotationType().getSimpleName();
            if (name.equals("Nullable") || name.equals("NonNull")) {
                out.append('@').append(name).append(' ');
            }
        }
        return out.toString();
    }

    private static String annotations(AnnotatedElement element) {
        return element.isAnnotationPresent(Deprecated.class) ? "@Deprecated " : "";
    }

    private static String modifiers(int modifiers) {
        int kept = modifiers
                & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC | Modifier.FINAL | Modifier.ABSTRACT);
        String text = Modifier.toString(kept);
        return text.isEmpty() ? "" : text + " ";
    }

    /** The lines only in one of the two texts, as {@code -} (checked in) and {@code +} (now), members under their type. */
    private static String diff(String expected, String actual) {
        List<String> was = keyed(expected);
        List<String> now = keyed(actual);
        StringBuilder out = new StringBuilder();
        was.stream()
                .filter(line -> !now.contains(line))
                .forEach(line -> out.append("- ").append(line).append('\n'));
        now.stream()
                .filter(line -> !was.contains(line))
                .forEach(line -> out.append("+ ").append(line).append('\n'));
        return out.toString();
    }

    private static List<String> keyed(String text) {
        List<String> lines = new ArrayList<>();
        String type = "";
        for (String line : text.lines().collect(Collectors.toList())) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("  ")) {
                lines.add(type + " ::" + line.substring(1));
            } else {
                type = line;
                lines.add(line);
            }
        }
        return lines;
    }
}
