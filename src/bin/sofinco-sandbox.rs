fn main() {
    println!("sofinco-sandbox: not built yet");
}
